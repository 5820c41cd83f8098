package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import workbook.ExitCode;
import workbook.UserError;

/** How LiveDatabase picks a provider: explicit choice, a URL, the remembered server, Docker if it answers, else embedded. */
class ProviderChoiceTest {

    @Test
    void anUnknownProviderIsBadInput() {
        assertThatThrownBy(() -> LiveDatabase.choose(DatabaseOptions.of("mysql", null), TestSettings.fresh("choice")))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage("Unknown database provider 'mysql' (--db): choose docker, embedded or url.");
    }

    @Test
    void urlProviderWithoutAUrlIsBadInput() {
        assertThatThrownBy(() -> LiveDatabase.choose(DatabaseOptions.of("url", null), TestSettings.fresh("choice")))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessageStartingWith("`--db url` needs a URL");
    }

    @Test
    void aGivenUrlWinsOverEverythingButAnExplicitProvider() {
        LiveDatabase.Choice choice = LiveDatabase.choose(DatabaseOptions.of(null, "jdbc:postgresql://db.example.com/crm_db"), TestSettings.fresh("choice"));
        assertThat(choice.server().provider()).isEqualTo("url");
        assertThat(choice.reason()).isEqualTo("you gave a URL (--url)");

        LiveDatabase.Choice explicit = LiveDatabase.choose(DatabaseOptions.of("Embedded", "jdbc:postgresql://db.example.com/crm_db"), TestSettings.fresh("choice"));
        assertThat(explicit.server().provider()).isEqualTo("embedded");
        assertThat(explicit.reason()).isEqualTo("you chose it (--db Embedded)");
    }

    @Test
    void theServerTheWorkbookStartedBeforeIsChosenAgainWithoutAskingDocker() {
        DatabaseSettings settings = TestSettings.fresh("choice");
        new ServerMemory(settings.stateDir()).remember("embedded", 5555, null);
        long started = System.nanoTime();
        LiveDatabase.Choice choice = LiveDatabase.choose(DatabaseOptions.of(null, null), settings);
        assertThat(choice.server().provider()).isEqualTo("embedded");
        assertThat(choice.reason()).contains("started it here before");
        assertThat(choice.server().expected().port()).isEqualTo(5555);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void withNothingGivenDockerIsChosenIfAnEngineAnswersElseEmbedded() {
        DockerEngine.Probe probe = DockerEngine.find(DockerEngine.PROBE_TIMEOUT);
        long started = System.nanoTime();
        LiveDatabase.Choice choice = LiveDatabase.choose(DatabaseOptions.of(null, null), TestSettings.fresh("choice"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        if (probe.engine().isPresent()) {
            assertThat(choice.server().provider()).isEqualTo("docker");
            assertThat(choice.reason()).startsWith("a Docker engine answered at ");
        } else {
            assertThat(choice.server().provider()).isEqualTo("embedded");
            assertThat(choice.reason()).startsWith("no Docker engine answered");
        }
    }

    @Test
    void aRememberedDockerServerIsTheContainerTheWorkbookMade() {
        DatabaseSettings settings = TestSettings.fresh("choice");
        new ServerMemory(settings.stateDir()).remember("docker", 5556, "crm-postgres-made-earlier");
        assumeTrue(DockerEngine.find(DockerEngine.PROBE_TIMEOUT).engine().isPresent(), "no Docker engine answers");
        LiveDatabase.Choice choice = LiveDatabase.choose(DatabaseOptions.of(null, null), settings);
        assertThat(choice.server().name()).isEqualTo("the Docker container crm-postgres-made-earlier");
        assertThat(choice.server().running()).as("nothing of that name runs, and nothing was started").isEmpty();
    }
}
