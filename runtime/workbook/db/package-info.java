/**
 * The learner's PostgreSQL. Every command gets crm_db with
 * {@code LiveDatabase.ensureUp(databaseOptions)} (a {@link workbook.db.DatabaseOptions} mixin on the
 * command): it picks the provider (--db / WORKBOOK_DB, else --url / WORKBOOK_DB_URL, else the server
 * the workbook started before, else Docker if an engine answers within 2 s, else embedded), starts or
 * attaches to the server (silent when it already runs) and returns a {@link workbook.db.RunningServer}.
 * The checker makes its throwaway copies on the same server (crmuser is a superuser on the docker and
 * embedded servers); for the embedded provider the grader works on a {@link workbook.db.ThrowawayCluster}
 * of its own instead.
 * Tests and instructors steer the providers with WORKBOOK_DB_PORT, WORKBOOK_DOCKER_CONTAINER and
 * WORKBOOK_PG_BINARIES (see {@link workbook.db.DatabaseSettings}).
 */
package workbook.db;
