package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import workbook.db.ConnectionInfo;
import workbook.db.RunningServer;

/** The walk's first screen is shown before the database is reached: only prose that names it waits for it. */
class PlaceholdersTest {

    @Test
    void proseWithoutAPlaceholderNeverAsksForTheDatabaseAndProseWithOneAsksOnce() {
        AtomicInteger asked = new AtomicInteger();
        Placeholders placeholders = Placeholders.whenNeeded(() -> {
            asked.incrementAndGet();
            return new RunningServer(ConnectionInfo.lesson("localhost", 5433), "embedded", "started here");
        });

        assertThat(placeholders.fill("Today we give the CRM a memory.")).isEqualTo("Today we give the CRM a memory.");
        assertThat(asked).hasValue(0);

        assertThat(placeholders.fill("Yours is `{{db.provider}}` on port {{ db.port }}; {{db.unknown}} stays."))
                .isEqualTo("Yours is `embedded` on port 5433; {{db.unknown}} stays.");
        assertThat(placeholders.fill("psql: {{db.psql}}")).contains("-p 5433");
        assertThat(asked).hasValue(1);
    }
}
