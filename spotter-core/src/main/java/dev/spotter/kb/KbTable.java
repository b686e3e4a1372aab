package dev.spotter.kb;

import dev.spotter.DataSourceException;
import dev.spotter.kb.KbColumns.Field;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape of a knowledge-base table as found in the database: its columns and their types, and how a
 * {@link KbColumns} mapping lands on them ({@link #bind}). Columns Spotter does not need (an {@code embedding}
 * vector, tags, {@code tsvector} …) are never selected.
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

        boolean json() {
            return typeName.equals("json") || typeName.equals("jsonb");
        }
    }

    /**
     * A mapping bound to this table: the SQL expression selected for each field present, the column behind it,
     * and the optional fields whose default column the table does not have (they are null in every chunk).
     */
    record Bound(
            Map<Field, String> select, Map<Field, Column> columns, Map<Field, Boolean> jsonPath, List<Field> absent) {
        boolean has(Field f) {
            return select.containsKey(f);
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
        return columns.get(c.toLowerCase(Locale.ROOT));
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
     * Looks the table up with a query that returns no rows. A missing table or a missing privilege becomes a
     * one-line {@link DataSourceException} that says what to do.
     */
    static KbTable inspect(Connection c, KbDatabase db, String table) {
        String quoted = quote(table);
        Map<String, Column> cols = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT * FROM " + quoted + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String n = md.getColumnName(i);
                String type = md.getColumnTypeName(i) == null
                        ? ""
                        : md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
                cols.putIfAbsent(n.toLowerCase(Locale.ROOT), new Column(n, md.getColumnType(i), type));
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
                String role = db.user() == null ? "this role" : db.user();
                throw new DataSourceException("permission denied reading table " + table + " in " + db.jdbcUrl()
                        + ": role " + role
                        + " has no SELECT privilege on it. As the table's owner, run: GRANT SELECT ON "
                        + qualified(table) + " TO " + role + "; (on Supabase the anon and authenticated roles also need"
                        + " a row-level security policy; or connect as a role that can read the table)");
            }
            throw new DataSourceException(
                    db.redact("cannot read table " + table + " in " + db.jdbcUrl() + ": " + KbDatabase.rootMessage(e)));
        }
        return new KbTable(table, quoted, cols);
    }

    /** {@code public.t} for {@code t}. */
    static String qualified(String table) {
        return table.contains(".") ? table : "public." + table;
    }

    /** A column's name as a quoted SQL identifier. */
    static String quoteColumn(Column col) {
        return "\"" + col.name().replace("\"", "\"\"") + "\"";
    }

    /** The importer writes the brief's six columns: they must all exist. */
    KbTable requireStandard(KbDatabase db) {
        List<String> missing = new ArrayList<>();
        for (String col : COLUMNS) {
            if (column(col) == null) {
                missing.add(col);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataSourceException("table " + name + " in " + db.jdbcUrl() + " lacks column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (the importer writes id, category, title, content, metadata, created_at)");
        }
        return this;
    }

    /**
     * Binds a mapping: every field's column must exist when it is required or named by the user; JSON paths need
     * a {@code json}/{@code jsonb} column. Errors list the table's columns, so the user can write the mapping.
     */
    Bound bind(KbColumns mapping, KbDatabase db) {
        boolean pg = db.dialect() == KbDatabase.Dialect.POSTGRES;
        Map<Field, String> select = new EnumMap<>(Field.class);
        Map<Field, Column> byField = new EnumMap<>(Field.class);
        Map<Field, Boolean> path = new EnumMap<>(Field.class);
        List<Field> absent = new ArrayList<>();
        for (Field f : Field.values()) {
            KbColumns.Ref r = mapping.ref(f);
            if (r == null) {
                continue;
            }
            Column col = column(r.column());
            if (col == null) {
                if (f.required() || mapping.explicit(f)) {
                    throw new DataSourceException("table " + name + " in " + db.jdbcUrl() + " has no column "
                            + r.column() + (mapping.explicit(f) ? " (mapped to " + f.key() + ")" : "")
                            + "; its columns: "
                            + String.join(
                                    ", ",
                                    columns.values().stream().map(Column::name).toList())
                            + ". Map the " + f.key() + " field with --column " + f.key()
                            + "=COLUMN (or columns: in spotter.yaml)");
                }
                absent.add(f);
                continue;
            }
            String q = quoteColumn(col);
            String expr;
            if (r.path().isEmpty()) {
                boolean typed = f == Field.CREATED_AT || f == Field.UPDATED_AT || f == Field.METADATA;
                expr = pg && !typed ? q + "::text" : q;
            } else if (pg) {
                if (!col.json()) {
                    throw new DataSourceException("column " + col.name() + " of table " + name + " is " + col.typeName()
                            + ": the JSON path " + r.text() + " needs a json or jsonb column");
                }
                StringBuilder sb = new StringBuilder("(").append(q);
                for (int i = 0; i < r.path().size(); i++) {
                    sb.append(i == r.path().size() - 1 ? "->>" : "->")
                            .append('\'')
                            .append(r.path().get(i).replace("'", "''"))
                            .append('\'');
                }
                expr = sb.append(')').toString();
            } else {
                StringBuilder sb = new StringBuilder("json_extract(").append(q).append(", '$");
                for (String k : r.path()) {
                    sb.append(".\"").append(k.replace("'", "''")).append('"');
                }
                expr = sb.append("')").toString();
            }
            select.put(f, expr);
            byField.put(f, col);
            path.put(f, !r.path().isEmpty());
        }
        return new Bound(select, byField, path, absent);
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
