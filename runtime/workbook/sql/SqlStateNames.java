package workbook.sql;

import java.util.Map;

/**
 * PostgreSQL's condition names for the SQLSTATEs a learner meets most (Appendix A of the manual), so an error
 * can say {@code 23505 (unique_violation)}: the name is what a learner searches for and what PL/pgSQL catches.
 */
public final class SqlStateNames {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("08000", "connection_exception"),
            Map.entry("08003", "connection_does_not_exist"),
            Map.entry("08006", "connection_failure"),
            Map.entry("0A000", "feature_not_supported"),
            Map.entry("21000", "cardinality_violation"),
            Map.entry("22001", "string_data_right_truncation"),
            Map.entry("22003", "numeric_value_out_of_range"),
            Map.entry("22007", "invalid_datetime_format"),
            Map.entry("22008", "datetime_field_overflow"),
            Map.entry("22012", "division_by_zero"),
            Map.entry("22P02", "invalid_text_representation"),
            Map.entry("23502", "not_null_violation"),
            Map.entry("23503", "foreign_key_violation"),
            Map.entry("23505", "unique_violation"),
            Map.entry("23514", "check_violation"),
            Map.entry("23P01", "exclusion_violation"),
            Map.entry("25001", "active_sql_transaction"),
            Map.entry("25P01", "no_active_sql_transaction"),
            Map.entry("25P02", "in_failed_sql_transaction"),
            Map.entry("28P01", "invalid_password"),
            Map.entry("3D000", "invalid_catalog_name"),
            Map.entry("3F000", "invalid_schema_name"),
            Map.entry("40001", "serialization_failure"),
            Map.entry("40P01", "deadlock_detected"),
            Map.entry("42501", "insufficient_privilege"),
            Map.entry("42601", "syntax_error"),
            Map.entry("42602", "invalid_name"),
            Map.entry("42611", "invalid_column_definition"),
            Map.entry("42622", "name_too_long"),
            Map.entry("42701", "duplicate_column"),
            Map.entry("42702", "ambiguous_column"),
            Map.entry("42703", "undefined_column"),
            Map.entry("42704", "undefined_object"),
            Map.entry("42710", "duplicate_object"),
            Map.entry("42723", "duplicate_function"),
            Map.entry("42725", "ambiguous_function"),
            Map.entry("42803", "grouping_error"),
            Map.entry("42804", "datatype_mismatch"),
            Map.entry("42809", "wrong_object_type"),
            Map.entry("42830", "invalid_foreign_key"),
            Map.entry("42846", "cannot_coerce"),
            Map.entry("42883", "undefined_function"),
            Map.entry("42P01", "undefined_table"),
            Map.entry("42P04", "duplicate_database"),
            Map.entry("42P06", "duplicate_schema"),
            Map.entry("42P07", "duplicate_table"),
            Map.entry("42P16", "invalid_table_definition"),
            Map.entry("53300", "too_many_connections"),
            Map.entry("55006", "object_in_use"),
            Map.entry("57014", "query_canceled"),
            Map.entry("57P01", "admin_shutdown"),
            Map.entry("P0001", "raise_exception"),
            Map.entry("XX000", "internal_error"));

    private SqlStateNames() {
    }

    /** The condition name, or null for a code not in the list. */
    public static String of(String sqlState) {
        return sqlState == null ? null : NAMES.get(sqlState);
    }
}
