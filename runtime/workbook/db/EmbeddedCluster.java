package workbook.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import workbook.FileTrees;
import workbook.UserError;

/**
 * Creates an embedded server's data folder with initdb, set up like the postgres:14 image: superuser
 * crmuser with password crmpassword, password authentication, UTF-8; reachable on localhost by TCP only.
 * Used for the learner's server and for the grader's throwaway clusters (which add settings of their own).
 */
final class EmbeddedCluster {
    private final PostgresPrograms programs;
    private final Path stateDir;

    EmbeddedCluster(PostgresPrograms programs, Path stateDir) {
        this.programs = programs;
        this.stateDir = stateDir;
    }

    /** initdb into a sibling folder, renamed at the end: a run killed half-way leaves no half-made cluster behind. */
    void initialise(Path dataDir) {
        initialise(dataDir, "");
    }

    /** The same, with {@code moreSettings} (postgresql.conf lines) appended after the workbook's own. */
    void initialise(Path dataDir, String moreSettings) {
        try {
            Files.createDirectories(stateDir);
            Path partial = dataDir.resolveSibling(dataDir.getFileName() + ".initdb");
            FileTrees.deleteTree(partial);
            Path pwfile = Files.createTempFile(stateDir, "pwfile-", "");
            try {
                Files.writeString(pwfile, ConnectionInfo.LESSON_PASSWORD + "\n");
                int exit = programs.run(List.of("initdb", "-D", partial.toString(), "-U", ConnectionInfo.LESSON_USER,
                        "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"), 120);
                if (exit != 0) {
                    throw UserError.environment("initdb could not create the database cluster: "
                            + LogTail.lastProblem(programs.log()) + " (log: " + programs.log() + ")", null);
                }
            } finally {
                Files.deleteIfExists(pwfile);
            }
            // TCP on localhost only: a superuser with a well-known password must not face the network;
            // no Unix socket, so two servers (or a system PostgreSQL) never fight over /tmp/.s.PGSQL.5432
            Files.writeString(partial.resolve("postgresql.conf"), """

                    # set by the CRM workbook
                    listen_addresses = 'localhost'
                    unix_socket_directories = ''
                    """ + moreSettings, StandardOpenOption.APPEND);
            Files.move(partial, dataDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
