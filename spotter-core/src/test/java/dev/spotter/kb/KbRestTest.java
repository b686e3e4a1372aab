package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KbRest} against {@link FakePostgrest}, an in-process fake of Supabase's REST API that follows PostgREST's
 * documented behaviour
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

    FakePostgrest server;

    @BeforeEach
    void start() throws IOException {
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = 23; i >= 1; i--) { // stored out of order: the fake sorts as asked
            ObjectNode r = JsonNodeFactory.instance.objectNode();
            r.put("id", String.format("c%02d", i));
            r.put("content", "Chunk text number " + i + ".");
            r.put("category", i % 2 == 0 ? "mvq" : "decision_trees");
            rows.add(r);
        }
        server = new FakePostgrest(MAX_ROWS)
                .table("knowledge_base", rows)
                .key(SERVICE, FakePostgrest.Role.SERVICE)
                .key(ANON, FakePostgrest.Role.RLS_EMPTY)
                .key(NOGRANT, FakePostgrest.Role.NO_GRANT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String base() {
        return server.base();
    }

    List<String> requests() {
        return server.requests;
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
        // export order as the SQL path's: (category, id)
        assertThat(ids).hasSize(23).doesNotHaveDuplicates();
        assertThat(ids.subList(0, 12)).isSorted().allMatch(id -> Integer.parseInt(id.substring(1)) % 2 == 1);
        assertThat(ids.subList(12, 23)).isSorted().allMatch(id -> Integer.parseInt(id.substring(1)) % 2 == 0);
        assertThat(requests().get(0)).contains("order=category.asc,id.asc");
        // pages start after the rows received (7 per response), not after the 1000 asked for
        assertThat(requests().stream().filter(r -> r.contains("Range: 7-")).count())
                .isPositive();
        assertThat(requests().stream().filter(r -> r.contains("Range: 21-")).count())
                .isPositive();
        // title/metadata/created_at/updated_at do not exist in this table: dropped after PostgREST's 42703
        assertThat(requests().get(requests().size() - 1)).contains("select=id,content,category");
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
