package dev.spotter.kb;

import dev.spotter.DataSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled sample knowledge base: 23 chunks in the brief's six categories, shipped as an SQL seed
 * ({@code dev/spotter/kb/knowledge_base.sql} on the class path; {@code examples/kb/chunks.jsonl} is its export)
 * and loaded into a fresh SQLite file so that it is read through exactly the same code as a real database.
 */
final class SampleKb {
    /** Class-path location of the seed. */
    public static final String SEED = "/dev/spotter/kb/knowledge_base.sql";

    private SampleKb() {}

    /** The seed SQL text. */
    public static String seedSql() {
        try (InputStream in = SampleKb.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new DataSourceException("sample knowledge base missing from the class path: " + SEED);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataSourceException("cannot read the sample knowledge base: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the seed into {@code file} (created; must not exist yet) and returns the database. The caller deletes
     * the file when done.
     */
    public static KbDatabase load(Path file) {
        KbDatabase db = KbDatabase.sqlite(file);
        try (Connection c = db.open(false);
                Statement st = c.createStatement()) {
            for (String sql : statements(seedSql())) {
                st.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            throw new DataSourceException(
                    "cannot load the sample knowledge base into " + file + ": " + e.getMessage(), e);
        }
        return db;
    }

    /** A temporary SQLite file holding the sample; deleted on close. */
    public static Temp temporary() {
        try {
            Path f = Files.createTempFile("spotter-kb-sample-", ".db");
            Files.delete(f);
            return new Temp(f, load(f));
        } catch (IOException e) {
            throw new DataSourceException(
                    "cannot create a temporary file for the sample knowledge base: " + e.getMessage(), e);
        }
    }

    /** A loaded sample and the file that holds it. */
    public record Temp(Path file, KbDatabase db) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    /**
     * Splits SQL text on semicolons outside single-quoted strings and {@code --} comments. Enough for the seed
     * (and any plain INSERT script); not a general SQL parser.
     */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (!quoted && ch == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl;
                cur.append('\n');
                continue;
            }
            if (ch == '\'') {
                quoted = !quoted; // a doubled '' toggles twice and stays inside the string
            }
            if (ch == ';' && !quoted) {
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString().strip());
                }
                cur.setLength(0);
                continue;
            }
            cur.append(ch);
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
