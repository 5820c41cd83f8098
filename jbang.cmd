@echo off
rem The workbook's launcher for cmd.exe: `.\jbang ALIAS ARGS...` runs jbang.ps1 beside it, the one Windows
rem launcher, with the Windows PowerShell every Windows 10 and 11 has. -ExecutionPolicy Bypass applies to
rem this one run, so it works where the machine refuses scripts typed at a PowerShell prompt.
powershell.exe -NoLogo -NoProfile -ExecutionPolicy Bypass -File "%~dp0jbang.ps1" %*
exit /b %ERRORLEVEL%
