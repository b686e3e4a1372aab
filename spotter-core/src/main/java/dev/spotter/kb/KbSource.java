package dev.spotter.kb;

import dev.spotter.ConfigurationException;
import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a command's knowledge-base chunks come from, decided in one place for every command (export, quota,
 * coverage, generate) and for {@code spotter.yaml}: {@link #resolve}.
 *
 * <p>First match wins, and a source that was asked for is never replaced by another:
 * <ol>
 *   <li>a chunks file ({@code --chunks}, {@code chunks:});</li>
 *   <li>a database URL ({@code --db-url});</li>
 *   <li>the REST API ({@code --supabase-url} with {@code --supabase-key-env});</li>
 *   <li>the database URL in the environment variable {@code urlEnv} ({@value #URL_ENV} by default, or the name in
 *       {@code dbUrlEnv:}) when it is set — set but blank is an error, not "unset";</li>
 *   <li>only when none of these is given: the bundled 23-chunk sample. Its {@link #describe()} always says so, and
 *       every command prints it, so a plan is never silently made from the sample.</li>
 * </ol>
 * Giving two explicit sources at once is an error.
 */
public sealed interface KbSource permits KbSource.Sample, KbSource.ChunksFile, KbSource.Table, KbSource.Rest {
    /** The environment variable the CLI reads a database URL from. */
    String URL_ENV = "SPOTTER_KB_URL";

    /**
     * What the user gave; null for "not given". {@code urlEnv} is the name of the variable to read a URL from
     * (null: none).
     */
    record Request(
            Path chunks,
            String dbUrl,
            String table,
            KbColumns columns,
            String supabaseUrl,
            String supabaseKeyEnv,
            String urlEnv) {
        public Request {
            table = table == null ? "knowledge_base" : table;
            columns = columns == null ? KbColumns.defaults() : columns;
        }

        /** Only the sample or {@value #URL_ENV}: what a command with no source options resolves to. */
        public static Request defaults() {
            return new Request(null, null, null, null, null, null, URL_ENV);
        }
    }

    /** Picks the source (see the class comment). Nothing is read yet. */
    static KbSource resolve(Request r, Environment env) {
        Objects.requireNonNull(r, "request");
        int given = (r.chunks() != null ? 1 : 0) + (blank(r.dbUrl()) ? 0 : 1) + (blank(r.supabaseUrl()) ? 0 : 1);
        if (given > 1) {
            throw new ConfigurationException("give one knowledge-base source: a chunks file (--chunks), a database"
                    + " URL (--db-url) or the REST API (--supabase-url), not several");
        }
        if (r.supabaseKeyEnv() != null && blank(r.supabaseUrl())) {
            throw ConfigurationException.forParameter("supabaseUrl", "is required with --supabase-key-env");
        }
        if (r.chunks() != null) {
            return new ChunksFile(r.chunks());
        }
        if (!blank(r.dbUrl())) {
            return new Table(new KbReader(KbDatabase.fromUrl(r.dbUrl(), env), r.table(), r.columns()));
        }
        if (!blank(r.supabaseUrl())) {
            return new Rest(KbRest.of(r.supabaseUrl(), r.table(), r.columns(), r.supabaseKeyEnv(), env));
        }
        if (r.urlEnv() != null && env.get(r.urlEnv()).isPresent()) {
            String url = env.get(r.urlEnv()).orElseThrow();
            if (blank(url)) {
                throw new ConfigurationException("environment variable " + r.urlEnv() + " is set but empty: set it to"
                        + " the database URL, or unset it to use the bundled sample");
            }
            return new Table(new KbReader(KbDatabase.fromUrl(url, env), r.table(), r.columns()), r.urlEnv());
        }
        return new Sample(r.urlEnv());
    }

    /**
     * A database for a command that needs one (import): {@code dbUrl}, else the URL in {@code urlEnv}; empty when
     * neither is given (set but blank is an error).
     */
    static java.util.Optional<KbDatabase> database(String dbUrl, String urlEnv, Environment env) {
        if (!blank(dbUrl)) {
            return java.util.Optional.of(KbDatabase.fromUrl(dbUrl, env));
        }
        if (urlEnv != null && env.get(urlEnv).isPresent()) {
            String url = env.get(urlEnv).orElseThrow();
            if (blank(url)) {
                throw new ConfigurationException("environment variable " + urlEnv + " is set but empty");
            }
            return java.util.Optional.of(KbDatabase.fromUrl(url, env));
        }
        return java.util.Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** One line naming the source, for every command's output. Never holds a password or a key. */
    String describe();

    /** True for the bundled sample. */
    default boolean isSample() {
        return this instanceof Sample;
    }

    /** Streams every row: accepted, rejected (with a reason) or skipped (another category). */
    KbReader.Stats read(Predicate<String> category, KbReader.Sink sink);

    /** The whole knowledge base in memory (for planning and coverage: small), plus what was rejected reading it. */
    default Loaded load() {
        List<KbChunk> out = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        KbReader.Stats s = read(c -> true, new KbReader.Sink() {
            @Override
            public void accept(KbChunk chunk) {
                if (!ids.add(chunk.id())) {
                    throw new DataSourceException(describe() + ": duplicate chunk id " + chunk.id());
                }
                out.add(chunk);
            }

            @Override
            public void reject(long row, String id, String reason) {
                rejects.add("row " + row + (id == null ? "" : " (id " + id + ")") + ": " + reason);
            }
        });
        if (out.isEmpty()) {
            throw new DataSourceException(describe() + ": no chunks"
                    + (rejects.isEmpty()
                            ? ""
                            : " (" + rejects.size() + " rows rejected, e.g. " + rejects.get(0) + ")"));
        }
        return new Loaded(this, List.copyOf(out), s, List.copyOf(rejects));
    }

    /** The chunks of a source, and the rows that could not be read as chunks. */
    record Loaded(KbSource source, List<KbChunk> chunks, KbReader.Stats stats, List<String> rejects) {}

    /** The bundled 23-chunk sample, read from its SQL seed through the same reader as a real database. */
    record Sample(String urlEnv) implements KbSource {
        @Override
        public String describe() {
            return "the bundled sample (23 example chunks, not your knowledge base: no --chunks, --db-url or"
                    + " --supabase-url given" + (urlEnv == null ? "" : " and $" + urlEnv + " not set") + ")";
        }

        @Override
        public KbReader.Stats read(Predicate<String> category, KbReader.Sink sink) {
            try (SampleKb.Temp t = SampleKb.temporary()) {
                return new KbReader(t.db(), "knowledge_base").readWhere(category, sink);
            }
        }
    }

    /**
     * A chunks JSONL file ({@code spotter kb export}). It is the reference for a plan or a check, so a bad line is
     * an error naming the file and line, not a quarantined record.
     */
    record ChunksFile(Path file) implements KbSource {
        @Override
        public String describe() {
            return "chunks file " + file;
        }

        @Override
        public KbReader.Stats read(Predicate<String> category, KbReader.Sink sink) {
            long read = 0;
            long ok = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                long n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (n == 1 && line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    KbChunk c;
                    try {
                        c = ChunkJsonl.parse(line);
                    } catch (IllegalArgumentException e) {
                        throw new DataSourceException(file + ":" + n + ": " + e.getMessage());
                    }
                    read++;
                    if (category.test(c.category())) {
                        sink.accept(c);
                        ok++;
                    }
                }
            } catch (IOException e) {
                throw new DataSourceException("cannot read " + file + ": " + dev.spotter.kernel.IoErrors.reason(e), e);
            }
            return new KbReader.Stats(read, ok, 0, read - ok, java.util.Map.of());
        }
    }

    /** A PostgreSQL or SQLite table; {@code fromEnv} names the variable the URL came from, or null. */
    record Table(KbReader reader, String fromEnv) implements KbSource {
        public Table(KbReader reader) {
            this(reader, null);
        }

        @Override
        public String describe() {
            return reader.describe() + (fromEnv == null ? "" : " (URL from $" + fromEnv + ")");
        }

        @Override
        public KbReader.Stats read(Predicate<String> category, KbReader.Sink sink) {
            return reader.readWhere(category, sink);
        }
    }

    /** Supabase's REST API. */
    record Rest(KbRest rest) implements KbSource {
        @Override
        public String describe() {
            return rest.describe();
        }

        @Override
        public KbReader.Stats read(Predicate<String> category, KbReader.Sink sink) {
            return rest.read(category, sink);
        }
    }
}
