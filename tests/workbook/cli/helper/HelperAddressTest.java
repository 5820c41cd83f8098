package workbook.cli.helper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whoever reads a helper's card can run commands as the learner: it lives only in a folder of the
 * learner's own that nobody else may enter, and where there is none, commands run in their own processes.
 */
class HelperAddressTest {
    @TempDir
    Path base;

    @Test
    void theCardLivesInAFolderOnlyItsUserMayEnter() throws Exception {
        HelperAddress address = HelperAddress.in(base, Path.of("/some/checkout")).orElseThrow();
        Path folder = address.card().getParent();
        assertThat(folder.getParent()).isEqualTo(base);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(HelperAddress.in(base, Path.of("/other/checkout")).orElseThrow().card()).isNotEqualTo(address.card());
    }

    @Test
    void aFolderOthersMayEnterIsRefused() throws Exception {
        Path folder = HelperAddress.in(base, Path.of("/some/checkout")).orElseThrow().card().getParent();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(HelperAddress.in(base, Path.of("/some/checkout"))).isEmpty();
    }

    @Test
    void aLinkInPlaceOfTheFolderIsRefused() throws Exception {
        Path elsewhere = Files.createDirectory(base.resolve("elsewhere"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(base.resolve("crm-workbook-" + System.getProperty("user.name")), elsewhere);
        assertThat(HelperAddress.in(base, Path.of("/some/checkout"))).isEmpty();
    }
}
