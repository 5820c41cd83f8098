package workbook.sql;

import java.util.List;
import java.util.Set;

/**
 * The command tag psql would print for a statement ({@code CREATE TABLE}, {@code INSERT 0 1}, {@code UPDATE 2}),
 * rebuilt from its leading keywords and the update count: pgjdbc reads the server's tag but does not expose it.
 */
public final class CommandTag {
    private static final Set<String> COUNTED = Set.of("UPDATE", "DELETE", "MERGE", "COPY", "FETCH", "MOVE", "SELECT");
    private static final Set<String> CREATE_MODIFIERS = Set.of("OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY",
            "UNLOGGED", "GLOBAL", "LOCAL", "TRUSTED", "PROCEDURAL", "CONSTRAINT", "RECURSIVE");
    private static final List<String> OBJECT_PHRASES = List.of("MATERIALIZED VIEW", "FOREIGN DATA WRAPPER",
            "FOREIGN TABLE", "EVENT TRIGGER", "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY",
            "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE", "USER MAPPING", "OPERATOR CLASS", "OPERATOR FAMILY",
            "ACCESS METHOD", "DEFAULT PRIVILEGES", "DEFAULT CONVERSION", "LARGE OBJECT");

    private CommandTag() {
    }

    /**
     * @param sql           the statement as sent
     * @param updateCount   the driver's update count (-1 when it had none)
     * @param before        the transaction status before the statement ran: COMMIT of a failed transaction is a ROLLBACK
     */
    public static String of(String sql, long updateCount, TransactionStatus before) {
        List<String> words = SqlWords.topLevel(sql, 12);
        if (words.isEmpty()) {
            return "";
        }
        long count = Math.max(updateCount, 0);
        String verb = words.get(0);
        return switch (verb) {
            case "INSERT" -> "INSERT 0 " + count;
            case "WITH" -> mainVerbAfterWith(sql, count);
            case "CREATE" -> create(words, count);
            case "ALTER", "DROP" -> verb + " " + object(words, 1);
            case "BEGIN" -> "BEGIN";
            case "START" -> "START TRANSACTION";
            case "COMMIT", "END" -> words.size() > 1 && words.get(1).equals("PREPARED") ? "COMMIT PREPARED"
                    : before == TransactionStatus.FAILED ? "ROLLBACK" : "COMMIT";
            case "ROLLBACK", "ABORT" -> words.size() > 1 && words.get(1).equals("PREPARED") ? "ROLLBACK PREPARED" : "ROLLBACK";
            case "PREPARE" -> words.size() > 1 && words.get(1).equals("TRANSACTION") ? "PREPARE TRANSACTION" : "PREPARE";
            case "TRUNCATE" -> "TRUNCATE TABLE";
            case "LOCK" -> "LOCK TABLE";
            case "REFRESH" -> "REFRESH MATERIALIZED VIEW";
            case "DECLARE" -> "DECLARE CURSOR";
            case "CLOSE" -> words.size() > 1 && words.get(1).equals("ALL") ? "CLOSE CURSOR ALL" : "CLOSE CURSOR";
            case "DISCARD" -> words.size() > 1 ? "DISCARD " + words.get(1) : "DISCARD";
            case "IMPORT" -> "IMPORT FOREIGN SCHEMA";
            default -> COUNTED.contains(verb) ? verb + " " + count : verb;
        };
    }

    /**
     * The tag psql prints after the rows of {@code INSERT/UPDATE/DELETE ... RETURNING}, or null when the
     * statement is a query (whose rows need no tag).
     */
    public static String forReturnedRows(String sql, long rows) {
        String tag = of(sql, rows, TransactionStatus.IDLE);
        boolean changesRows = tag.startsWith("INSERT ") || tag.startsWith("UPDATE ") || tag.startsWith("DELETE ")
                || tag.startsWith("MERGE ");
        return changesRows ? tag : null;
    }

    private static String create(List<String> words, long count) {
        int i = 1;
        while (i < words.size() && CREATE_MODIFIERS.contains(words.get(i))) {
            i++;
        }
        String object = object(words, i);
        // CREATE TABLE ... AS and CREATE MATERIALIZED VIEW ... AS report the rows they stored, as SELECT does.
        if ((object.equals("TABLE") || object.equals("MATERIALIZED VIEW")) && words.contains("AS")) {
            return "SELECT " + count;
        }
        return "CREATE " + object;
    }

    /** The object kind at {@code words[i]}: a known two- or three-word phrase, else one word; USER and GROUP are roles. */
    private static String object(List<String> words, int i) {
        if (i >= words.size()) {
            return "";
        }
        String rest = String.join(" ", words.subList(i, words.size()));
        for (String phrase : OBJECT_PHRASES) {
            if (rest.equals(phrase) || rest.startsWith(phrase + " ")) {
                return phrase.equals("DEFAULT CONVERSION") ? "CONVERSION" : phrase;
            }
        }
        String word = words.get(i);
        return word.equals("USER") || word.equals("GROUP") ? "ROLE" : word;
    }

    /** {@code WITH a AS (...) INSERT ...} is tagged by its main statement, the first verb outside the parentheses. */
    private static String mainVerbAfterWith(String sql, long count) {
        List<String> words = SqlWords.topLevel(sql, Integer.MAX_VALUE);
        for (String word : words.subList(1, words.size())) {
            switch (word) {
                case "INSERT":
                    return "INSERT 0 " + count;
                case "UPDATE", "DELETE", "SELECT", "MERGE":
                    return word + " " + count;
                default:
                    break;
            }
        }
        return "SELECT " + count;
    }
}
