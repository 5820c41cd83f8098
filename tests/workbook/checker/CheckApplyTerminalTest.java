package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.cli.CommandJvm;
import workbook.db.ConnectionInfo;
import workbook.notebook.PseudoTerminal;

/** `check lesson3 --apply` asks on a real terminal (util-linux `script`): "no" changes nothing, "yes" applies. */
@Slow
class CheckApplyTerminalTest {
    @TempDir
    Path dir;

    private PseudoTerminal apply(Path checkout, ConnectionInfo crmDb) throws Exception {
        String url = crmDb.jdbcUrl() + "?user=" + crmDb.user() + "&password=" + crmDb.password();
        return PseudoTerminal.start(PseudoTerminal.quote(CommandJvm.command(List.of("-Dworkbook.home=" + checkout), "Check",
                "lesson3", "--apply", "--url", url)), dir, 200);
    }

    @Test
    void theQuestionIsAskedAndOnlyYesApplies() throws Exception {
        Assumptions.assumeTrue(PseudoTerminal.available(), "needs util-linux script for a pty");
        CheckerFixture fixture = CheckApplyTest.lessonDone("crm_apply_pty");
        Path checkout = CheckApplyTest.checkout(CheckerFixture.solutions());
        String before = CheckApplyTest.catalog(fixture.crmDb, true);

        try (PseudoTerminal pty = apply(checkout, fixture.crmDb)) {
            pty.expect("Run tasks 1, 2, 3, 4, 5 from exercises/lesson3/ on crm_db", Duration.ofSeconds(90));
            pty.expect("Type yes to go on: ", Duration.ofSeconds(10));
            pty.type("no\r");
            pty.expect("Nothing applied.", Duration.ofSeconds(10));
            assertThat(pty.exitCode(Duration.ofSeconds(20))).isZero();
        }
        assertThat(CheckApplyTest.catalog(fixture.crmDb, true)).isEqualTo(before);

        try (PseudoTerminal pty = apply(checkout, fixture.crmDb)) {
            pty.expect("Type yes to go on: ", Duration.ofSeconds(90));
            pty.type("yes\r");
            pty.expect("Applied tasks 1, 2, 3, 4, 5 to crm_db", Duration.ofSeconds(30));
            assertThat(pty.exitCode(Duration.ofSeconds(20))).isZero();
        }
        assertThat(CheckApplyTest.catalog(fixture.crmDb, true)).contains("column users.first_name", "owner users crmuser");
    }
}
