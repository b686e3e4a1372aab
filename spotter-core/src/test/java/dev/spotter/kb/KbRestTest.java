package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KbRest} against an in-process fake of Supabase's REST API that follows PostgREST's documented behaviour
 * (fixture {@code supabase/postgrest.md}): {@code select=} with {@code alias:col->>key}, {@code order=col.asc},
 * {@code Range}/{@code Content-Range} with a server cap ({@code db-max-rows}) smaller than the page asked for, 206
 * for partial pages with a count, 416 PGRST103 past the end, error JSON {@code {code, message, details, hint}}, the
 * gateway's 401 without a code, PGRST205 for a table not exposed, 42501 as 401 for anon, and an RLS-hidden table as
 * {@code 200 []} with {@code Content-Range: *}{@code /0}.
 */
class KbRestTest {
    static final String SERVICE = "sb_secret_MARKER-service-key-0001";
    static final String ANON = "sb_publishable_MARKER-anon-key-0002";
    static final String NOGRANT = "sb_publishable_MARKER-nogrant-0003";
    static final int MAX_ROWS = 7;

    HttpServer server;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, String>> rows = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        for (int i = 1; i <= 23; i++) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("id", String.format("c%02d", i));
            r.put("content", "Chunk text number " + i + ".");
            r.put("category", i % 2 == 0 ? "mvq" : "decision_trees");
            rows.add(r);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rest/v1/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String key = ex.getRequestHeaders().getFirst("apikey");
        String table = ex.getRequestURI().getRawPath().substring("/rest/v1/".length());
        String query = ex.getRequestURI().getRawQuery();
        requests.add(table + "?" + URLDecoder.decode(query, StandardCharsets.UTF_8) + " Range: "
                + ex.getRequestHeaders().getFirst("Range"));
        if (key == null) {
            send(
                    ex,
                    401,
                    null,
                    "{\"message\":\"No API key found in request\",\"hint\":\"No `apikey` request header"
                            + " or url param was found.\"}");
            return;
        }
        if (!List.of(SERVICE, ANON, NOGRANT).contains(key)) {
            send(
                    ex,
                    401,
                    null,
                    "{\"message\":\"Invalid API key\",\"hint\":\"Double check your Supabase `anon` or"
                            + " `service_role` API key.\"}");
            return;
        }
        if (!table.equals("knowledge_base")) {
            send(
                    ex,
                    404,
                    null,
                    "{\"code\":\"PGRST205\",\"details\":null,\"hint\":\"Perhaps you meant the table"
                            + " 'public.knowledge_base'\",\"message\":\"Could not find the table 'public." + table
                            + "' in the schema cache\"}");
            return;
        }
        if (key.equals(NOGRANT)) {
            send(
                    ex,
                    401,
                    null,
                    "{\"code\":\"42501\",\"details\":null,\"hint\":null,\"message\":\"permission denied"
                            + " for table knowledge_base\"}");
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            params.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        List<String[]> select = new ArrayList<>(); // {output name, column}
        for (String s : params.getOrDefault("select", "*").split(",")) {
            String[] parts = s.split(":", 2);
            String col = parts.length == 2 ? parts[1] : parts[0];
            if (!rows.get(0).containsKey(col)) {
                send(
                        ex,
                        400,
                        null,
                        "{\"code\":\"42703\",\"details\":null,\"hint\":null,\"message\":\"column" + " knowledge_base."
                                + col + " does not exist\"}");
                return;
            }
            select.add(new String[] {parts[0], col});
        }
        assertThat(params.get("order")).isEqualTo("id.asc");
        List<Map<String, String>> visible = key.equals(ANON) ? List.of() : rows; // RLS: no policy for anon
        int total = visible.size();
        Matcher m = Pattern.compile("(\\d+)-(\\d+)")
                .matcher(String.valueOf(ex.getRequestHeaders().getFirst("Range")));
        int lo = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        int hi = m.matches() ? Integer.parseInt(m.group(2)) : Integer.MAX_VALUE;
        if (lo > 0 && lo >= total) {
            send(
                    ex,
                    416,
                    "*/" + total,
                    "{\"code\":\"PGRST103\",\"message\":\"Requested range not satisfiable\","
                            + "\"details\":\"An offset of " + lo + " was requested, but there are only " + total
                            + " rows.\","
                            + "\"hint\":null}");
            return;
        }
        int end = Math.min(Math.min(hi, lo + MAX_ROWS - 1), total - 1); // db-max-rows caps every response
        StringBuilder body = new StringBuilder("[");
        for (int i = lo; i <= end; i++) {
            body.append(i == lo ? "" : ",").append('{');
            for (int k = 0; k < select.size(); k++) {
                body.append(k == 0 ? "" : ",")
                        .append('"')
                        .append(select.get(k)[0])
                        .append("\":\"")
                        .append(visible.get(i).get(select.get(k)[1]))
                        .append('"');
            }
            body.append('}');
        }
        body.append(']');
        String range = total == 0 || end < lo ? "*/" + total : lo + "-" + end + "/" + total;
        send(ex, total == 0 || (lo == 0 && end == total - 1) ? 200 : 206, range, body.toString());
    }

    private static void send(HttpExchange ex, int status, String contentRange, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        if (contentRange != null) {
            ex.getResponseHeaders().add("Content-Range", contentRange);
        }
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    KbRest rest(String table, String key) {
        return KbRest.of(
                base(), table, KbColumns.defaults(), "SUPABASE_KEY", Environment.of(Map.of("SUPABASE_KEY", key)));
    }

    @Test
    void pagesInIdOrderPastTheServerCapAndDropsMissingOptionalColumns() {
        List<String> ids = new ArrayList<>();
        KbReader.Stats s = rest("knowledge_base", SERVICE).read(c -> true, new KbReader.Sink() {
            @Override
            public void accept(KbChunk chunk) {
                ids.add(chunk.id());
            }

            @Override
            public void reject(long row, String id, String reason) {
                throw new AssertionError(reason);
            }
        });
        assertThat(s.read()).isEqualTo(23);
        assertThat(ids).hasSize(23).doesNotHaveDuplicates().isSorted();
        // pages start after the rows received (7 per response), not after the 1000 asked for
        assertThat(requests.stream().filter(r -> r.contains("Range: 7-")).count())
                .isPositive();
        assertThat(requests.stream().filter(r -> r.contains("Range: 21-")).count())
                .isPositive();
        // title/metadata/created_at/updated_at do not exist in this table: dropped after PostgREST's 42703
        assertThat(requests.get(requests.size() - 1)).contains("select=id,content,category");
        var mvq = rest("knowledge_base", SERVICE).read(Categories.matcher("  MVQ ", QuotaPolicy.defaults()), sink());
        assertThat(mvq.accepted()).isEqualTo(11);
    }

    @Test
    void errorsAreOneClearLineAndNeverShowTheKey() {
        assertThatThrownBy(() ->
                        rest("knowledge_base", "sb_secret_MARKER-wrong-key").read(c -> true, sink()))
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining("refused the key in $SUPABASE_KEY")
                .hasMessageContaining("Invalid API key")
                .hasMessageNotContaining("MARKER");
        assertThatThrownBy(() -> rest("knowledge_bse", SERVICE).read(c -> true, sink()))
                .hasMessageContaining("table knowledge_bse is not exposed through the REST API")
                .hasMessageContaining("Perhaps you meant the table 'public.knowledge_base'")
                .hasMessageNotContaining("MARKER");
        assertThatThrownBy(() -> rest("knowledge_base", ANON).read(c -> true, sink()))
                .hasMessageContaining("returned 0 rows through the REST API")
                .hasMessageContaining("row-level security")
                .hasMessageContaining("service_role")
                .hasMessageNotContaining("MARKER");
        assertThatThrownBy(() -> rest("knowledge_base", NOGRANT).read(c -> true, sink()))
                .hasMessageContaining("permission denied")
                .hasMessageContaining("anon role")
                .hasMessageNotContaining("MARKER");
        assertThatThrownBy(() -> KbRest.of(
                        base(), "knowledge_base", KbColumns.defaults(), "SUPABASE_KEY", Environment.of(Map.of())))
                .hasMessageContaining("SUPABASE_KEY")
                .hasMessageContaining("is not set");
        assertThatThrownBy(() -> KbRest.of(
                        "postgresql://u:MARKER@h/db",
                        "knowledge_base",
                        KbColumns.defaults(),
                        "SUPABASE_KEY",
                        Environment.of(Map.of("SUPABASE_KEY", SERVICE))))
                .hasMessageContaining("--db-url")
                .hasMessageNotContaining("MARKER");
    }

    private static KbReader.Sink sink() {
        return new KbReader.Sink() {
            @Override
            public void accept(KbChunk chunk) {}

            @Override
            public void reject(long row, String id, String reason) {}
        };
    }
}
