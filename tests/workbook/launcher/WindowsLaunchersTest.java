package workbook.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be known of jbang.cmd and jbang.ps1 without Windows (no PowerShell runs here): they pin the
 * JBang the bash launcher pins, cmd hands everything to the one PowerShell copy, and their bytes are what
 * cmd.exe and Windows PowerShell 5.1 read correctly. Their shared behaviour runs through ./jbang's tests.
 */
class WindowsLaunchersTest {
    private static final Path ROOT = LauncherCheckout.REPO;

    @Test
    void allThreeLaunchersPinTheSameJBangArtifactAndMavenPlugin() throws IOException {
        String bash = Files.readString(ROOT.resolve("jbang"));
        String powershell = Files.readString(ROOT.resolve("jbang.ps1"));

        assertThat(find(powershell, "\\$JBangVersion = '([^']+)'")).isEqualTo(find(bash, "JBANG_VERSION=(\\S+)"));
        assertThat(find(powershell, "\\$DependencyPlugin = '([^']+)'")).isEqualTo(find(bash, "DEPENDENCY_PLUGIN=(\\S+)"));
        assertThat(powershell).contains("\"dev.jbang:jbang-cli:${JBangVersion}:jar:all\"");
        assertThat(bash).contains("JBANG_ARTIFACT=dev.jbang:jbang-cli:$JBANG_VERSION:jar:all");
    }

    @Test
    void theJBangCommandsThatPassThroughAreTheSame() throws IOException {
        List<String> bash = List.of(find(Files.readString(ROOT.resolve("jbang")), "JBANG_COMMANDS=\" ([^\"]+) \"").split(" "));
        String list = find(Files.readString(ROOT.resolve("jbang.ps1")), "(?s)\\$JBangCommands = @\\(([^)]+)\\)");
        List<String> powershell = List.of(list.replaceAll("[\\s']", "").split(","));

        assertThat(powershell).containsExactlyElementsOf(bash);
    }

    @Test
    void cmdHandsEverythingToThePowerShellLauncherAndPassesItsExitCodeOn() throws IOException {
        List<String> commands = Files.readAllLines(ROOT.resolve("jbang.cmd")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("rem ") && !line.equals("@echo off")).toList();

        assertThat(commands).containsExactly(
                "powershell.exe -NoLogo -NoProfile -ExecutionPolicy Bypass -File \"%~dp0jbang.ps1\" %*",
                "exit /b %ERRORLEVEL%");
    }

    @Test
    void theWindowsLaunchersAreAsciiBecauseCmdAndPowerShell51ReadThemInALegacyCodePage() throws IOException {
        for (String name : List.of("jbang.cmd", "jbang.ps1")) {
            byte[] bytes = Files.readAllBytes(ROOT.resolve(name));
            assertThat(new String(bytes, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII)).as(name).isEqualTo(bytes);
        }
    }

    @Test
    void gitChecksTheBashLauncherOutLfAndTheWindowsOnesCrlfWhateverTheMachineSays() throws Exception {
        Process git = new ProcessBuilder("git", "check-attr", "eol", "--", "jbang", "jbang.cmd", "jbang.ps1", ".ci/run")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(out.lines()).containsExactly("jbang: eol: lf", "jbang.cmd: eol: crlf", "jbang.ps1: eol: crlf", ".ci/run: eol: lf");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
