package dev.spotter.kb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.ConfigurationException;
import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import dev.spotter.http.Backoff;
import dev.spotter.http.RetryAfter;
import dev.spotter.http.Sleeper;
import dev.spotter.kb.KbColumns.Field;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a knowledge-base table through Supabase's REST API (PostgREST) for users who have the project URL and a
 * key but no database password: {@code GET /rest/v1/TABLE?select=…&order=CATEGORY.asc,ID.asc} with the key in {@code apikey}
 * (and, for a legacy JWT key, as {@code Authorization: Bearer}).
 *
 * <p><b>Paging.</b> Ordered by category, then the id column (as the SQL path; unique, so pages neither overlap
 * nor skip), {@code Range:
 * from-to} with {@code Prefer: count=exact}. The server caps every response ({@code db-max-rows}, 1000 on
 * Supabase), so the next page starts after the rows actually received, never after the page size asked for; the
 * read stops at an empty page or when {@code Content-Range}'s total is reached. 200 and 206 are both success
 * (with a count, every partial page is 206, the last one too); 416 past the end counts as the end. 503/504 and
 * network errors are retried (3 attempts, honouring Retry-After).
 *
 * <p><b>Errors</b> are one line from PostgREST's JSON ({@code code, message, details, hint}, any of them missing,
 * e.g. the gateway's 401 has no code), with what to do: a refused key, a table not exposed (PGRST205 / 42P01), no
 * privilege (42501: 401 for the anon role, 403 otherwise), a column the table lacks (42703; a default optional
 * column such as {@code title} is then dropped and the read retried). An empty first page is an error too: with
 * row-level security on (the dashboard's default) a key's role sees only what a policy allows, and over REST an
 * RLS-hidden table is indistinguishable from an empty one. The key is never printed, not even from a server
 * message that echoes it.
 */
final class KbRest {
    static final int PAGE = 1000;
    private static final int ATTEMPTS = 3;
    private static final Pattern CONTENT_RANGE = Pattern.compile("(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");
    private static final Pattern MISSING_COLUMN = Pattern.compile("column [\\w.\"]*?\\.?\"?(\\w+)\"? does not exist");

    private final URI base;
    private final String table;
    private final KbColumns columns;
    private final String keyEnv;
    private final String key;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final int page;

    KbRest(URI base, String table, KbColumns columns, String keyEnv, String key, Sleeper sleeper, int page) {
        this.base = base;
        this.table = table;
        this.columns = columns;
        this.keyEnv = keyEnv;
        this.key = key;
        this.sleeper = sleeper;
        this.page = page;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param projectUrl {@code https://<ref>.supabase.co} (a trailing {@code /rest/v1} is accepted); plain
     *     {@code http} only for a local server
     * @param keyEnv     the NAME of the environment variable holding the key
     */
    public static KbRest of(String projectUrl, String table, KbColumns columns, String keyEnv, Environment env) {
        Objects.requireNonNull(columns, "columns");
        if (keyEnv == null || keyEnv.isBlank()) {
            throw ConfigurationException.forParameter(
                    "supabaseKeyEnv", "is required with --supabase-url (the NAME of the variable holding the API key)");
        }
        String key = env.get(keyEnv).map(String::strip).orElse("");
        if (key.isEmpty()) {
            throw new ConfigurationException("environment variable " + keyEnv + " (--supabase-key-env) is not set:"
                    + " put the project's API key in it (Project Settings > API; the service_role key reads past"
                    + " row-level security)");
        }
        String u = PgUrl.clean(projectUrl == null ? "" : projectUrl);
        URI uri;
        try {
            uri = new URI(u.replaceAll("/+$", "").replaceAll("(?i)/rest/v1$", ""));
        } catch (java.net.URISyntaxException e) {
            throw ConfigurationException.forParameter(
                    "supabaseUrl", "is not a URL (expected https://<ref>.supabase.co)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost();
        if (scheme.startsWith("postgres") || scheme.equals("jdbc")) {
            throw ConfigurationException.forParameter(
                    "supabaseUrl", "is the project URL (https://<ref>.supabase.co); a database URL goes to --db-url");
        }
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!(scheme.equals("https") || (scheme.equals("http") && local)) || uri.getRawUserInfo() != null) {
            throw ConfigurationException.forParameter(
                    "supabaseUrl", "must be https://<ref>.supabase.co (plain http only for a local server)");
        }
        KbTable.quote(table);
        return new KbRest(uri, table, columns, keyEnv, key, Sleeper.REAL, PAGE);
    }

    /** For messages: {@code table knowledge_base through the REST API at https://… (key from $VAR)}. */
    public String describe() {
        return "table " + table + " through the REST API at " + base + " (key from $" + keyEnv + ")"
                + (columns.isDefault() ? "" : " (columns " + columns.describe() + ")");
    }

    /** Reads every row (in id order), keeping those whose category {@code wanted} accepts. */
    public KbReader.Stats read(Predicate<String> wanted, KbReader.Sink sink) {
        EnumSet<Field> fields = EnumSet.noneOf(Field.class);
        for (Field f : Field.values()) {
            if (columns.ref(f) != null) {
                fields.add(f);
            }
        }
        Map<String, Long> notes = new TreeMap<>();
        long read = 0;
        long ok = 0;
        long skipped = 0;
        long offset = 0;
        Long total = null;
        try {
            while (true) {
                Page p;
                while (true) {
                    try {
                        p = fetch(fields, offset, total);
                        break;
                    } catch (MissingColumn m) {
                        fields.remove(m.field); // a default optional column the table does not have
                    }
                }
                if (p.rows.isEmpty()) {
                    if (offset == 0) {
                        throw new DataSourceException("table " + table + " returned 0 rows through the REST API at "
                                + base + ": with row-level security on (the dashboard's default) the key's role"
                                + " sees only what a SELECT policy allows, and the anon key sees nothing without one."
                                + " Use the service_role key (it bypasses row-level security) or add a policy, e.g."
                                + " CREATE POLICY \"spotter can read\" ON " + KbTable.qualified(table)
                                + " FOR SELECT TO anon USING (true); if the table is really empty, there is nothing"
                                + " to read");
                    }
                    break;
                }
                total = p.total;
                for (JsonNode row : p.rows) {
                    read++;
                    String category = text(row.get(Field.CATEGORY.key()));
                    if (!wanted.test(category)) {
                        skipped++;
                        continue;
                    }
                    KbChunk c;
                    try {
                        c = chunk(row, notes);
                    } catch (IllegalArgumentException e) {
                        sink.reject(read, text(row.get("id")), e.getMessage());
                        continue;
                    }
                    sink.accept(c);
                    ok++;
                }
                offset += p.rows.size();
                if (total != null && offset >= total) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KbReader.Stats(read, ok, read - ok - skipped, skipped, notes);
    }

    private record Page(List<JsonNode> rows, Long total) {}

    private static final class MissingColumn extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Field field;

        MissingColumn(Field field) {
            super(null, null, false, false);
            this.field = field;
        }
    }

    private Page fetch(Set<Field> fields, long offset, Long total) {
        List<String> select = new ArrayList<>();
        for (Field f : fields) {
            KbColumns.Ref r = columns.ref(f);
            if (r.path().stream().anyMatch(k -> !k.matches("[A-Za-z0-9_]+"))) {
                throw new ConfigurationException("column mapping " + f.key() + "=" + r.text()
                        + ": over the REST API, JSON path keys must be letters, digits and _");
            }
            String expr = r.text();
            select.add(expr.equals(f.key()) ? expr : f.key() + ":" + expr);
        }
        // the SQL path's order, (category, id), so both paths write the same file; (category, id) is unique, so
        // pages neither overlap nor skip. PostgREST sorts text in the database's collation (byte order, as the SQL
        // path, under C / C.UTF-8; a natural-language collation may order mixed-case or accented values otherwise)
        String order = columns.ref(Field.ID).text() + ".asc";
        if (fields.contains(Field.CATEGORY)) {
            order = columns.ref(Field.CATEGORY).text() + ".asc," + order;
        }
        String q = "select=" + enc(String.join(",", select)) + "&order=" + enc(order);
        URI uri = URI.create(base + "/rest/v1/" + enc(table) + "?" + q);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("apikey", key)
                .header("Accept", "application/json")
                .header("Range-Unit", "items")
                .header("Range", offset + "-" + (offset + page - 1))
                .header("Prefer", "count=exact")
                .GET();
        if (key.startsWith("eyJ") && key.chars().filter(ch -> ch == '.').count() == 2) {
            rb.header("Authorization", "Bearer " + key); // legacy JWT keys; sb_… keys go in apikey only
        }
        HttpRequest req = rb.build();
        Backoff backoff = Backoff.jittered(Duration.ofMillis(500), Duration.ofSeconds(8));
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> resp;
            try {
                resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new DataSourceException(
                            redact("cannot reach the REST API at " + base + ": " + KbDatabase.rootMessage(e)));
                }
                sleep(backoff.delay(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataSourceException("interrupted while reading the REST API at " + base);
            }
            int sc = resp.statusCode();
            if (sc == 200 || sc == 206) {
                return page(resp);
            }
            if (sc == 416 && total != null && offset >= total) {
                return new Page(List.of(), total);
            }
            if ((sc == 503 || sc == 504 || sc == 429) && attempt < ATTEMPTS) {
                sleep(backoff.honour(RetryAfter.of(resp.headers()).orElse(backoff.delay(attempt))));
                continue;
            }
            throw error(resp, fields);
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataSourceException("interrupted while reading the REST API at " + base);
        }
    }

    private Page page(HttpResponse<String> resp) {
        JsonNode body;
        try {
            body = Canonical.MAPPER.readTree(resp.body());
        } catch (IOException e) {
            throw new DataSourceException(
                    "the REST API at " + base + " sent a body that is not JSON (HTTP " + resp.statusCode() + ")");
        }
        if (body == null || !body.isArray()) {
            throw new DataSourceException("the REST API at " + base + " sent a JSON "
                    + (body == null ? "nothing" : body.getNodeType().name().toLowerCase(Locale.ROOT))
                    + " where rows (an array) were expected");
        }
        List<JsonNode> rows = new ArrayList<>(body.size());
        body.forEach(rows::add);
        Long total = null;
        String cr = resp.headers().firstValue("Content-Range").orElse("");
        Matcher m = CONTENT_RANGE.matcher(cr.strip());
        if (m.matches() && !m.group(3).equals("*")) {
            total = Long.parseLong(m.group(3));
        }
        return new Page(rows, total);
    }

    private RuntimeException error(HttpResponse<String> resp, Set<Field> fields) {
        int sc = resp.statusCode();
        String code = "";
        String message = "";
        String hint = "";
        try {
            JsonNode e = Canonical.MAPPER.readTree(resp.body());
            if (e != null && e.isObject()) {
                code = text(e.get("code")) == null ? "" : text(e.get("code"));
                message = text(e.get("message")) == null ? "" : text(e.get("message"));
                hint = e.get("hint") == null || e.get("hint").isNull()
                        ? ""
                        : e.get("hint").asText();
            }
        } catch (IOException ignored) {
            // not PostgREST's JSON (a gateway or proxy page): reported by status below
        }
        String server = (code.isEmpty() ? "" : code + ": ")
                + Canonical.abbreviate(message, 200)
                + (hint.isEmpty() ? "" : " (hint: " + Canonical.abbreviate(hint, 200) + ")");
        String at = " (REST API at " + base + ", HTTP " + sc + ")";
        if (code.equals("42703")) {
            Matcher m = MISSING_COLUMN.matcher(message);
            if (m.find()) {
                for (Field f : fields) {
                    KbColumns.Ref r = columns.ref(f);
                    if (r.column().equals(m.group(1)) && !f.required() && !columns.explicit(f)) {
                        return new MissingColumn(f);
                    }
                }
            }
            return new DataSourceException(redact("table " + table + " has no such column: " + server + at
                    + "; map the fields with --column FIELD=COLUMN (or columns: in spotter.yaml)"));
        }
        String what;
        if (code.equals("42501")) {
            what = "permission denied: the key's role has no SELECT on table " + table + ": " + server
                    + (sc == 401 ? "; this is the anon role (the anon key):" : ";")
                    + " use the service_role key, or GRANT SELECT ON " + KbTable.qualified(table)
                    + " TO anon (and add a row-level security policy)";
        } else if (code.equals("PGRST205") || code.equals("42P01") || (sc == 404 && code.isEmpty())) {
            what = "table " + table + " is not exposed through the REST API: " + server
                    + "; check the table name (--table) and that its schema is exposed (Project Settings > API)";
        } else if (code.equals("PGRST106")) {
            what = "the schema is not exposed through the REST API: " + server;
        } else if (sc == 401 || code.startsWith("PGRST30")) {
            what = "the REST API refused the key in $" + keyEnv + ": " + server
                    + "; copy the anon or service_role key from Project Settings > API";
        } else if (code.isEmpty() && message.isEmpty()) {
            what = "the REST API answered HTTP " + sc + " without a PostgREST error (a gateway or proxy error; is"
                    + " the project paused?)";
        } else {
            what = "the REST API refused the read: " + server;
        }
        return new DataSourceException(redact(what + at));
    }

    private KbChunk chunk(JsonNode row, Map<String, Long> notes) {
        JsonNode idNode = row.get("id");
        if (idNode == null || idNode.isNull()) {
            throw new IllegalArgumentException("id is NULL");
        }
        boolean numeric = idNode.isIntegralNumber();
        String id = numeric ? idNode.bigIntegerValue().toString() : text(idNode);
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("id is empty");
        }
        Canonical.checkText(id, "id");
        if (numeric && !id.matches("-?[0-9]{1,19}")) {
            throw new IllegalArgumentException("id " + Canonical.abbreviate(id, 40) + " does not fit a bigint");
        }
        String content = text(row.get("content"));
        if (content == null) {
            throw new IllegalArgumentException("content is NULL");
        }
        if (Canonical.isBlank(content)) {
            throw new IllegalArgumentException("content is blank");
        }
        Canonical.checkText(content, "content");
        String category = text(row.get("category"));
        String title = text(row.get("title"));
        Canonical.checkText(category, "category");
        Canonical.checkText(title, "title");
        JsonNode meta = row.get("metadata");
        String metadata = meta == null || meta.isNull() ? null : Canonical.json(meta);
        return new KbChunk(
                id,
                numeric,
                category,
                title,
                content,
                metadata,
                Canonical.keptTimestamp(text(row.get("created_at")), Field.CREATED_AT.key(), notes),
                Canonical.keptTimestamp(text(row.get("updated_at")), Field.UPDATED_AT.key(), notes));
    }

    /** A JSON value as text: strings as they are, numbers and booleans printed, objects/arrays as JSON. */
    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isTextual() ? n.textValue() : n.isValueNode() ? n.asText() : n.toString();
    }

    private String redact(String s) {
        return key.length() >= 4 ? s.replace(key, "***") : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
