package dev.spotter.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process fake of Supabase's REST API (the gateway + PostgREST) that follows the behaviour written down in
 * the independent fixture {@code supabase/postgrest.md}, for {@link KbRest} tests and the CLI's
 * {@code --supabase-url} tests:
 *
 * <ul>
 *   <li>gateway: no {@code apikey} or an unknown one → 401 without {@code code}; a Bearer token that is not three
 *       dot-separated parts → 401 PGRST301;
 *   <li>{@code GET /rest/v1/TABLE}: unknown table → 404 PGRST205 with a "Perhaps you meant" hint;
 *   <li>{@code select=} with {@code alias:col} and JSON paths ({@code metadata->>category}); a missing column →
 *       400 42703 {@code column TABLE.COL does not exist};
 *   <li>{@code order=a.asc,b.desc} (NULLs last for asc as in PostgreSQL; text in byte order, i.e. a database with
 *       collation C; numbers numerically);
 *   <li>{@code Range: from-to} and {@code Prefer: count=exact}; {@code db-max-rows} caps every response after the
 *       range; status and {@code Content-Range} exactly per §2.1 (206 for every page but the whole table with a
 *       count, the last one too; 416 PGRST103 only when the offset is past the total);
 *   <li>per key a role: {@link Role#SERVICE} sees every row, {@link Role#RLS_EMPTY} sees none (200 {@code []},
 *       {@code Content-Range: *}{@code /0}), {@link Role#NO_GRANT} gets 42501 as 401 (the anon role).
 * </ul>
 *
 * Rows are JSON objects shaped as PostgREST prints them (§4: timestamptz as {@code +00:00}, {@code "infinity"} as a
 * string, jsonb embedded). Every request is logged (path, decoded query, Range) for assertions.
 */
final class FakePostgrest implements AutoCloseable {
    /** What a key's role may read. */
    enum Role {
        SERVICE,
        RLS_EMPTY,
        NO_GRANT
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RANGE = Pattern.compile("([0-9]+)-([0-9]*)");

    private final HttpServer server;
    private final Map<String, Role> keys = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> tables = new ConcurrentHashMap<>();
    private final int maxRows;
    /** {@code table?decoded-query Range: from-to}, one per request, in order. */
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    FakePostgrest(int maxRows) throws IOException {
        this.maxRows = maxRows;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rest/v1/", this::handle);
        server.start();
    }

    FakePostgrest key(String key, Role role) {
        keys.put(key, role);
        return this;
    }

    FakePostgrest table(String name, List<ObjectNode> rows) {
        tables.put(name, List.copyOf(rows));
        return this;
    }

    /** {@code http://127.0.0.1:PORT}, the "project URL". */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String key = ex.getRequestHeaders().getFirst("apikey");
            String table = ex.getRequestURI().getRawPath().substring("/rest/v1/".length());
            String query = ex.getRequestURI().getRawQuery() == null
                    ? ""
                    : ex.getRequestURI().getRawQuery();
            String rangeHeader = ex.getRequestHeaders().getFirst("Range");
            requests.add(table + "?" + URLDecoder.decode(query, StandardCharsets.UTF_8) + " Range: " + rangeHeader);
            if (key == null) {
                send(
                        ex,
                        401,
                        null,
                        error(
                                null,
                                "No API key found in request",
                                "No `apikey` request header or url param was found."));
                return;
            }
            Role role = keys.get(key);
            if (role == null) {
                send(
                        ex,
                        401,
                        null,
                        error(null, "Invalid API key", "Double check your Supabase `anon` or `service_role` API key."));
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null && auth.startsWith("Bearer ")) {
                int parts = auth.substring(7).split("\\.", -1).length;
                if (parts != 3) {
                    send(ex, 401, null, error("PGRST301", "Expected 3 parts in JWT; got " + parts, null));
                    return;
                }
            }
            List<ObjectNode> all = tables.get(table);
            if (all == null) {
                String near = tables.keySet().stream()
                        .filter(t -> t.regionMatches(0, table, 0, Math.min(4, table.length())))
                        .findFirst()
                        .orElse(null);
                send(
                        ex,
                        404,
                        null,
                        error(
                                "PGRST205",
                                "Could not find the table 'public." + table + "' in the schema cache",
                                near == null ? null : "Perhaps you meant the table 'public." + near + "'"));
                return;
            }
            if (role == Role.NO_GRANT) {
                send(ex, 401, null, error("42501", "permission denied for table " + table, null));
                return;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String p : query.split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    params.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            List<ObjectNode> visible = role == Role.RLS_EMPTY ? List.of() : all;
            List<String[]> select = new ArrayList<>(); // {output name, expression}
            for (String s : params.getOrDefault("select", "*").split(",")) {
                String[] parts = s.split(":", 2);
                String expr = parts.length == 2 ? parts[1] : parts[0];
                String column = expr.split("->", 2)[0];
                if (!all.isEmpty() && !all.get(0).has(column)) {
                    send(ex, 400, null, error("42703", "column " + table + "." + column + " does not exist", null));
                    return;
                }
                select.add(new String[] {parts[0], expr});
            }
            List<ObjectNode> sorted = new ArrayList<>(visible);
            String order = params.get("order");
            if (order != null) {
                Comparator<ObjectNode> by = null;
                for (String term : order.split(",")) {
                    String[] t = term.split("\\.");
                    String expr = t[0];
                    boolean desc = Arrays.asList(t).contains("desc");
                    boolean nullsFirst =
                            Arrays.asList(t).contains("nullsfirst") || (desc && !term.contains("nullslast"));
                    Comparator<ObjectNode> c = (a, b) -> compare(value(a, expr), value(b, expr), nullsFirst, desc);
                    by = by == null ? c : by.thenComparing(c);
                }
                sorted.sort(by);
            }
            int total = sorted.size();
            boolean count =
                    String.valueOf(ex.getRequestHeaders().getFirst("Prefer")).contains("count=exact");
            Matcher m = RANGE.matcher(String.valueOf(rangeHeader));
            long lower = m.matches() ? Long.parseLong(m.group(1)) : 0;
            long upperAsked = m.matches() && !m.group(2).isEmpty() ? Long.parseLong(m.group(2)) : Long.MAX_VALUE;
            if (count && lower > total) {
                send(
                        ex,
                        416,
                        "*/" + total,
                        error(
                                "PGRST103",
                                "Requested range not satisfiable",
                                null,
                                "An offset of " + lower + " was requested, but there are only " + total + " rows."));
                return;
            }
            long upper = Math.min(Math.min(upperAsked, lower + maxRows - 1), total - 1L);
            ArrayNode body = JSON.createArrayNode();
            for (long i = lower; i <= upper; i++) {
                ObjectNode row = sorted.get((int) i);
                ObjectNode out = body.addObject();
                for (String[] s : select) {
                    if (s[1].equals("*")) {
                        out.setAll(row);
                    } else {
                        out.set(s[0].split("->", 2)[0], value(row, s[1]));
                    }
                }
            }
            int n = body.size();
            String contentRange = (n > 0 && total != 0 ? lower + "-" + (lower + n - 1) : "*") + "/"
                    + (count ? Integer.toString(total) : "*");
            int status = !count ? 200 : n < total ? 206 : 200;
            send(ex, status, contentRange, JSON.writeValueAsString(body));
        }
    }

    /** A column or a JSON path ({@code ->} keeps JSON, the last {@code ->>} gives text) of one row. */
    private static JsonNode value(ObjectNode row, String expr) {
        String[] steps = expr.split("(?=->)");
        JsonNode v = row.get(steps[0]);
        for (int i = 1; i < steps.length && v != null; i++) {
            boolean text = steps[i].startsWith("->>");
            String k = steps[i].substring(text ? 3 : 2).replace("'", "");
            v = v.isObject() ? v.get(k) : null;
            if (text && v != null && !v.isNull()) {
                v = JsonNodeFactory.instance.textNode(v.isTextual() ? v.textValue() : v.toString());
            }
        }
        return v == null ? JsonNodeFactory.instance.nullNode() : v;
    }

    private static int compare(JsonNode a, JsonNode b, boolean nullsFirst, boolean desc) {
        boolean an = a == null || a.isNull();
        boolean bn = b == null || b.isNull();
        if (an || bn) {
            return an && bn ? 0 : (an == nullsFirst ? -1 : 1);
        }
        int c = a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : Arrays.compareUnsigned(
                        (a.isTextual() ? a.textValue() : a.toString()).getBytes(StandardCharsets.UTF_8),
                        (b.isTextual() ? b.textValue() : b.toString()).getBytes(StandardCharsets.UTF_8));
        return desc ? -c : c;
    }

    private static String error(String code, String message, String hint) {
        return error(code, message, hint, null);
    }

    private static String error(String code, String message, String hint, String details) {
        ObjectNode e = JSON.createObjectNode();
        if (code != null) { // the gateway's errors have no code, PostgREST's always have one
            e.put("code", code);
            e.put("details", details);
            e.put("hint", hint);
        } else if (hint != null) {
            e.put("hint", hint);
        }
        e.put("message", message);
        return e.toString();
    }

    private static void send(HttpExchange ex, int status, String contentRange, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        if (contentRange != null) {
            ex.getResponseHeaders().add("Content-Range", contentRange);
        }
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    /**
     * The row PostgREST would send for a canonical chunks-JSONL line: the same keys (and {@code updated_at}), with
     * timestamps as
     * PostgreSQL's {@code to_json(timestamptz)} prints them in UTC ({@code 2025-11-07T09:00:00+00:00}).
     */
    static ObjectNode rowOf(String chunkLine) {
        try {
            ObjectNode row = (ObjectNode) JSON.readTree(chunkLine);
            if (!row.has("updated_at")) {
                row.putNull("updated_at"); // the table has the column; this row has no value
            }
            for (String f : List.of("created_at", "updated_at")) {
                JsonNode t = row.get(f);
                if (t != null && t.isTextual() && t.textValue().endsWith("Z")) {
                    String s = t.textValue();
                    row.put(f, s.substring(0, s.length() - 1) + "+00:00");
                }
            }
            return row;
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
