package dev.spotter.kb;

import dev.spotter.DataSourceException;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape of a {@code knowledge_base} table as found in the database: which of the six columns exist and of
 * what type. Extra columns (an {@code embedding vector}, {@code updated_at}, …) are tolerated and ignored.
 */
final class KbTable {
    static final List<String> COLUMNS = List.of("id", "category", "title", "content", "metadata", "created_at");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /** A column's JDBC type and database type name (lower case, e.g. {@code uuid}, {@code jsonb}, {@code int8}). */
    record Column(String name, int jdbcType, String typeName) {
        boolean integral() {
            return jdbcType == Types.BIGINT
                    || jdbcType == Types.INTEGER
                    || jdbcType == Types.SMALLINT
                    || jdbcType == Types.TINYINT
                    || (typeName.contains("int") && !typeName.contains("point") && !typeName.startsWith("interval"));
        }

        boolean textual() {
            return typeName.equals("text")
                    || typeName.startsWith("varchar")
                    || typeName.startsWith("bpchar")
                    || typeName.startsWith("character");
        }
    }

    final String name;
    final String quoted;
    final Map<String, Column> columns;

    private KbTable(String name, String quoted, Map<String, Column> columns) {
        this.name = name;
        this.quoted = quoted;
        this.columns = columns;
    }

    Column column(String c) {
        return columns.get(c);
    }

    /** Validates a table name ({@code table} or {@code schema.table}) and returns it double-quoted. */
    static String quote(String table) {
        if (table == null || !IDENT.matcher(table).matches()) {
            throw new DataSourceException(
                    "invalid table name \"" + table + "\": use letters, digits and _ (optionally schema.table)");
        }
        StringBuilder sb = new StringBuilder();
        for (String part : table.split("\\.")) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append('"').append(part).append('"');
        }
        return sb.toString();
    }

    /**
     * Looks the table up with a query that returns no rows, and checks the six columns. Missing table or columns
     * become one-line {@link DataSourceException}s naming what is missing.
     */
    static KbTable inspect(Connection c, KbDatabase db, String table) {
        String quoted = quote(table);
        Map<String, Column> cols = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT * FROM " + quoted + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String n = md.getColumnName(i).toLowerCase(Locale.ROOT);
                String type = md.getColumnTypeName(i) == null
                        ? ""
                        : md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
                cols.putIfAbsent(n, new Column(n, md.getColumnType(i), type));
            }
        } catch (SQLException e) {
            rollbackQuietly(c);
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String msg = String.valueOf(e.getMessage());
            if (state.equals("42P01") || state.equals("3F000") || msg.contains("no such table")) {
                throw new DataSourceException("table " + table + " not found in " + db.jdbcUrl()
                        + " (create it with `spotter kb import --create-table`, or name another with --table)");
            }
            if (state.equals("42501")) {
                throw new DataSourceException("permission denied reading table " + table + " in " + db.jdbcUrl());
            }
            throw new DataSourceException(
                    db.redact("cannot read table " + table + " in " + db.jdbcUrl() + ": " + KbDatabase.rootMessage(e)));
        }
        List<String> missing = new ArrayList<>();
        for (String col : COLUMNS) {
            if (!cols.containsKey(col)) {
                missing.add(col);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataSourceException("table " + table + " in " + db.jdbcUrl() + " lacks column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (needs id, category, title, content, metadata, created_at)");
        }
        return new KbTable(table, quoted, cols);
    }

    static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is failing anyway; the original error is the one to report
        }
    }
}
