# The workbook's launcher for Windows: `.\jbang ALIAS ARGS...` in PowerShell 5.1 or 7 (jbang.cmd runs this
# file for cmd.exe). It does what the bash launcher `./jbang` beside it does, in fewer lines; keep the two in step:
#
# - JBang: an installed `jbang` on PATH, else JBang $JBangVersion fetched once from Maven Central through
#   Maven into a per-user cache every checkout shares: %LOCALAPPDATA%\crm-workbook (WORKBOOK_CACHE_DIR moves it).
# - An alias of jbang-catalog.json runs as its script file; JBang prints the `java` command and exits 255,
#   that command runs here, and its exit code is this script's. A bare .\jbang shows the course map.
# - Not here: the launch cache (bash only; each run starts JBang's JVM first, about a second) and the
#   "did you mean" of an unknown name (a list of the commands instead).
# - Non-ASCII paths: JBang's JVM writes UTF-8 and the console reads UTF-8 (the workbook writes UTF-8 too).
#   A console that may not understand ANSI escapes gets NO_COLOR=1, so the workbook prints plain text.
# - Errors of PowerShell's own stay non-terminating (no global 'Stop'): Windows PowerShell 5.1 turns a native
#   command's stderr into error records when it is redirected, and 'Stop' would end the run at JBang's first note.
#
# Exit codes are the command's; 2 for an unknown name; 3 when Java, Maven or the download of JBang fails.
# This file stays ASCII: Windows PowerShell 5.1 reads a script without a byte order mark in the ANSI code page.

$JBangVersion = '0.132.1'
# the fat jar: the plain artifact lacks its shaded dependencies and breaks catalog aliases
$JBangArtifact = "dev.jbang:jbang-cli:${JBangVersion}:jar:all"
$DependencyPlugin = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1'
$JBangCommands = @('run', 'build', 'edit', 'init', 'alias', 'catalog', 'app', 'cache', 'config', 'deps', 'export',
    'info', 'jdk', 'template', 'trust', 'version', 'wrapper', 'completion')

function Say([string] $text) { [Console]::Error.WriteLine("[workbook] $text") }
function Fail([string] $text) { [Console]::Error.WriteLine(".\jbang: $text"); exit 3 }

$root = $PSScriptRoot
$arguments = @($args)
$aliases = $null
$catalogFile = Join-Path $root 'jbang-catalog.json'
if (Test-Path -LiteralPath $catalogFile) {
    $aliases = (Get-Content -LiteralPath $catalogFile -Raw -Encoding UTF8 -ErrorAction Stop | ConvertFrom-Json -ErrorAction Stop).aliases
    if ($arguments.Count -eq 0) { $arguments = @('progress', '--commands') }
}

# An alias runs as its script file, so JBang never searches its public catalog on the network.
$jbangArguments = $arguments
$name = if ($arguments.Count -gt 0) { [string] $arguments[0] } else { '' }
$alias = if ($aliases -and $name -cmatch '^[A-Za-z0-9][A-Za-z0-9_-]*$') {
    $aliases.PSObject.Properties | Where-Object { $_.Name -ceq $name } | Select-Object -First 1
}
if ($alias -and $alias.Value.'script-ref') {
    $jbangArguments = @('run', (Join-Path $root $alias.Value.'script-ref'))
    if ($alias.Value.arguments) { $jbangArguments += @($alias.Value.arguments) }
    if ($arguments.Count -gt 1) { $jbangArguments += $arguments[1..($arguments.Count - 1)] }
} elseif ($aliases -and $name -cmatch '^[A-Za-z0-9][A-Za-z0-9_-]*$' -and $name -cnotin $JBangCommands `
        -and -not (Test-Path -LiteralPath $name)) {
    $names = ($aliases.PSObject.Properties | ForEach-Object { $_.Name }) -join ', '
    [Console]::Error.WriteLine(".\jbang: no command ``$name``. Commands: $names (a bare .\jbang shows what each does).")
    exit 2
}

# JBang: an installed one (its jar, run here like ours), else the pinned one from the per-user cache.
$jbangJar = $null
foreach ($installed in @(Get-Command jbang -CommandType Application, ExternalScript -All -ErrorAction SilentlyContinue)) {
    $folder = Split-Path -Parent $installed.Source
    if ($folder -eq $root) { continue }
    $jbangJar = @((Join-Path $folder 'jbang.jar'), (Join-Path $folder '.jbang/jbang.jar')) |
        Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
    if (-not $jbangJar) {
        # a native or unusual install: let it do everything itself
        & $installed.Source @jbangArguments
        exit $LASTEXITCODE
    }
    break
}
if (-not $jbangJar) {
    $cache = if ($env:WORKBOOK_CACHE_DIR) { $env:WORKBOOK_CACHE_DIR }
             elseif ($env:LOCALAPPDATA) { Join-Path $env:LOCALAPPDATA 'crm-workbook' }
             elseif ($env:XDG_CACHE_HOME) { Join-Path $env:XDG_CACHE_HOME 'crm-workbook' }
             else { Join-Path $HOME '.cache/crm-workbook' }
    $jbangJar = Join-Path $cache "jbang-$JBangVersion/jbang-cli-$JBangVersion-all.jar"
}

if (-not (Test-Path -LiteralPath $jbangJar)) {
    if (-not (Get-Command mvn -ErrorAction SilentlyContinue)) {
        Fail 'JBang is not installed and Maven (mvn) is not on PATH to fetch it. Install Maven 3.8+ or JBang, then run this again.'
    }
    $work = Join-Path $cache ".download.$PID"
    try { New-Item -ItemType Directory -Force -Path $work -ErrorAction Stop | Out-Null } catch { Fail "cannot write to $cache; set WORKBOOK_CACHE_DIR to a writable folder." }
    Say "First run: fetching JBang $JBangVersion from Maven Central with Maven (once for all checkouts, into $cache)..."
    $started = Get-Date
    # from an empty folder, so no project's pom.xml takes part; every argument quoted whole, so PowerShell 5.1
    # does not split -Dname.with.dots=value; the output folder relative, so no space or accent reaches Maven
    Push-Location -LiteralPath $work
    try {
        & mvn -B -q '-Dstyle.color=never' "${DependencyPlugin}:copy" "-Dartifact=$JBangArtifact" '-DoutputDirectory=.' *> maven.log
        $fetched = $LASTEXITCODE -eq 0
    } finally { Pop-Location }
    if (-not $fetched) {
        Get-Content -LiteralPath (Join-Path $work 'maven.log') -Tail 20 | ForEach-Object { [Console]::Error.WriteLine($_) }
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        Fail "Maven could not fetch $JBangArtifact (see above). Check the network or Maven's settings, then run this again."
    }
    try {
        New-Item -ItemType Directory -Force -Path (Split-Path -Parent $jbangJar) -ErrorAction Stop | Out-Null
        Move-Item -LiteralPath (Join-Path $work "jbang-cli-$JBangVersion-all.jar") -Destination $jbangJar -Force -ErrorAction Stop
    } catch { Fail "cannot store JBang in $(Split-Path -Parent $jbangJar)" }
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    Say "JBang $JBangVersion ready after $([int]((Get-Date) - $started).TotalSeconds) s."
}

$java = $null
if ($env:JAVA_HOME) {
    $java = @((Join-Path $env:JAVA_HOME 'bin/java.exe'), (Join-Path $env:JAVA_HOME 'bin/java')) |
        Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
}
if (-not $java) {
    $java = Get-Command java -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1 -ExpandProperty Source
}
if (-not $java) { Fail 'no Java found. Install a JDK 17 or newer (or set JAVA_HOME), then run this again.' }

# The workbook wraps at the terminal's width; a command that opens no terminal of its own learns it from COLUMNS.
if (-not $env:COLUMNS -and -not [Console]::IsOutputRedirected) {
    try { if ([Console]::WindowWidth -gt 0) { $env:COLUMNS = [string] [Console]::WindowWidth } } catch { }
}
# Colour only where escape codes are known to work: the classic Windows console (conhost) interprets them only
# when a program switches that on, which Java does not, so it would show them as text. Windows Terminal, VS Code,
# ConEmu, mintty (TERM) and every console outside Windows do.
$ansi = [Environment]::OSVersion.Platform -ne 'Win32NT' -or $env:WT_SESSION -or $env:TERM_PROGRAM -or $env:TERM `
    -or $env:ConEmuANSI -eq 'ON'
if (-not $env:NO_COLOR -and -not $ansi) { $env:NO_COLOR = '1' }

$env:JBANG_NO_VERSION_CHECK = 'true'
$env:JBANG_RUNTIME_SHELL = 'powershell'
$env:JBANG_LAUNCH_CMD = $PSCommandPath
$env:JBANG_STDIN_NOTTY = if ([Console]::IsInputRedirected) { 'true' } else { 'false' }
$javaOptions = @(if ($env:JBANG_JAVA_OPTIONS) { $env:JBANG_JAVA_OPTIONS -split '\s+' | Where-Object { $_ } })
$consoleEncoding = $null
try {
    # the command JBang prints names paths (C:\Users\Jose Mueller\... with accents): UTF-8 on both ends
    try { $consoleEncoding = [Console]::OutputEncoding; [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false } catch { }
    $output = & $java @javaOptions '-Dstdout.encoding=UTF-8' '-Dsun.stdout.encoding=UTF-8' '-Xlog:disable' `
        '-Xlog:all=warning:stderr' '-XX:TieredStopAtLevel=1' '-XX:+UseSerialGC' -cp $jbangJar dev.jbang.Main @jbangArguments
    $code = $LASTEXITCODE
    if ($code -eq 255) {
        Invoke-Expression "& $(@($output) -join ' ')"
        $code = $LASTEXITCODE
    } elseif ($output) {
        $output | Write-Output
    }
} finally {
    if ($consoleEncoding) { try { [Console]::OutputEncoding = $consoleEncoding } catch { } }
}
exit $code
