package workbook.db;

import java.util.List;
import java.util.Optional;

/**
 * One way of running the learner's PostgreSQL (docker, embedded, url). Every provider offers the same
 * verbs, so the `db` subcommands and {@link LiveDatabase} never ask which one they hold.
 */
public interface ServerProvider {

    /** docker, embedded or url: the word `db status` prints and {@code {{db.provider}}} fills in. */
    String provider();

    /** In words, for prompts and messages: "the Docker container crm-postgres". */
    String name();

    /** Starts the server or attaches to it; silent and fast when it already runs, progress otherwise. */
    RunningServer up();

    /** How to reach crm_db if the server answers right now; never starts anything. */
    Optional<ConnectionInfo> running();

    /** How crm_db will be reached once up (the remembered or preferred port), for `db status` when down. */
    ConnectionInfo expected();

    /** Stops the server and keeps its data; returns one sentence saying what was done. */
    String stop();

    /**
     * Kills the server as a power cut would: no shutdown checkpoint, so its next start replays the
     * write-ahead log (crash recovery). Keeps the data; returns one sentence saying what was done.
     */
    String crash();

    /**
     * What the server logged about its latest start, from "starting PostgreSQL" on (after a crash: the
     * recovery and the WAL it replayed); empty when the log cannot be read.
     */
    List<String> startLog();

    /** Removes the server and the learner's data (container, or data folder); returns one sentence. */
    String purge();
}
