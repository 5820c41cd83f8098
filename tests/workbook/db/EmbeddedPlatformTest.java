package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.DependencyVersionsTest;
import workbook.ExitCode;
import workbook.UserError;

/**
 * Which binaries each machine gets, from the os.name and os.arch its JVM reports, and that every jar a
 * supported machine needs is among the dependencies of both builds.
 */
class EmbeddedPlatformTest {

    @ParameterizedTest(name = "{0} on {1} (musl {2}) -> {3}")
    @CsvSource({
            "Linux,        amd64,   false, linux-amd64,        postgres-linux-x86_64.txz,               false",
            "Linux,        x86_64,  false, linux-amd64,        postgres-linux-x86_64.txz,               false",
            "Linux,        amd64,   true,  linux-amd64-alpine, postgres-linux-x86_64-alpine_linux.txz,  false",
            "Linux,        aarch64, false, linux-arm64v8,      postgres-linux-arm_64.txz,               false",
            "Mac OS X,     aarch64, false, darwin-arm64v8,     postgres-darwin-arm_64.txz,              false",
            "Mac OS X,     x86_64,  false, darwin-amd64,       postgres-darwin-x86_64.txz,              false",
            "Windows 11,   amd64,   false, windows-amd64,      postgres-windows-x86_64.txz,             false",
            "Windows 10,   amd64,   false, windows-amd64,      postgres-windows-x86_64.txz,             false",
            "Windows 11,   aarch64, false, windows-amd64,      postgres-windows-x86_64.txz,             true",
    })
    void eachSupportedMachineGetsItsBinaries(String os, String arch, boolean musl, String artifact, String resource, boolean emulated) {
        assertThat(EmbeddedPlatform.of(os, arch, musl)).isEqualTo(new EmbeddedPlatform(artifact, resource, emulated));
    }

    @ParameterizedTest(name = "{0} on {1} (musl {2}) is refused")
    @CsvSource({
            "FreeBSD,  amd64,   false",
            "Linux,    arm,     false",
            "Linux,    ppc64le, false",
            "Linux,    aarch64, true",
            "Mac OS X, ppc,     false",
            "Windows 11, x86,   false",
            "SunOS,    sparcv9, false",
    })
    void aMachineWithoutBinariesIsToldTheAlternativesInOneLine(String os, String arch, boolean musl) {
        assertThatThrownBy(() -> EmbeddedPlatform.of(os, arch, musl))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
                .hasMessageStartingWith("There are no embedded PostgreSQL 14 binaries for " + os + " on " + arch)
                .hasMessageContaining("--db docker").hasMessageContaining("--url")
                .hasMessageNotContaining("\n");
    }

    @Test
    void everySupportedMachinesBinariesAreOnTheClassPathAndInBothBuilds() throws Exception {
        List<EmbeddedPlatform> supported = List.of(EmbeddedPlatform.of("Linux", "amd64", false), EmbeddedPlatform.of("Linux", "amd64", true),
                EmbeddedPlatform.of("Linux", "aarch64", false), EmbeddedPlatform.of("Mac OS X", "x86_64", false),
                EmbeddedPlatform.of("Mac OS X", "aarch64", false), EmbeddedPlatform.of("Windows 11", "amd64", false));
        Set<String> depsLines = DependencyVersionsTest.depsLines().stream().map(d -> d.groupArtifact()).collect(Collectors.toSet());
        for (EmbeddedPlatform platform : supported) {
            assertThat(getClass().getClassLoader().getResource(platform.resource())).as(platform.resource() + " in Maven's test class path").isNotNull();
            assertThat(depsLines).as("the //DEPS lines JBang resolves").contains(platform.coordinate());
            assertThat(DependencyVersionsTest.pomVersions()).as("pom.xml").containsKey(platform.coordinate());
        }
    }
}
