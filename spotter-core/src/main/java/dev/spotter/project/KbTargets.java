package dev.spotter.project;

import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import dev.spotter.kb.KbColumns;
import dev.spotter.kb.KbPlan;
import dev.spotter.kb.KbPlanning;
import dev.spotter.kb.KbSource;
import dev.spotter.kb.QuotaPolicy;
import dev.spotter.kernel.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Targets of a {@code knowledge-base} source: the kb area's planning ({@link KbPlanning}: quota policy over the
 * chunks that can be planned) summed per quota category, the map chunk id → category that turns the chunk id in
 * {@code spotter kb generate}'s provenance sidecar into a category, each chunk's text hash (to find examples whose
 * chunk changed since they were generated) and chunk id → content, which the build checks each answer's grounding
 * against (memory: the knowledge base's text, a few MB for thousands of chunks).
 *
 * <p>Chunks come from the kb area's one resolution ({@link KbSource#resolve}): {@code chunks} (a
 * {@code spotter kb export} file), {@code supabaseUrl} (REST), or the database whose URL is in the environment
 * variable named by {@code dbUrlEnv}, when it is set; only with none of these the bundled sample, and
 * {@link #from} then says so (the inventory prints it).
 */
record KbTargets(
        Map<String, Integer> targets,
        Map<String, String> chunkCategory,
        Map<String, String> chunkSha256,
        Map<String, String> chunkText,
        int chunkCount,
        String from) {

    static KbTargets resolve(
            YamlNode s,
            Path base,
            String dbUrlEnv,
            String chunks,
            String policy,
            String table,
            Map<String, String> columns,
            String supabaseUrl,
            String supabaseKeyEnv,
            Environment env) {
        try {
            Path file = null;
            if (chunks != null) {
                file = base.resolve(chunks).normalize();
                if (!Files.isRegularFile(file)) {
                    throw s.error(
                            s.at("chunks"),
                            "no such chunks file " + file + " (write it with spotter kb export -o " + chunks + ")");
                }
            }
            KbColumns mapping;
            try {
                mapping = KbColumns.of(columns);
            } catch (dev.spotter.ConfigurationException e) {
                throw s.error(s.at("columns"), e.getMessage());
            }
            KbSource src = KbSource.resolve(
                    new KbSource.Request(file, null, table, mapping, supabaseUrl, supabaseKeyEnv, dbUrlEnv), env);
            QuotaPolicy qp = policy == null
                    ? QuotaPolicy.defaults()
                    : QuotaPolicy.load(base.resolve(policy).normalize());
            KbPlanning plan = KbPlanning.prepare(
                    src, new KbPlanning.Settings(qp, dev.spotter.kb.KbLint.DEFAULT_MAX_TOKENS, false));
            String from = switch (src) {
                case KbSource.Sample x ->
                    "bundled " + plan.chunks().size() + "-chunk sample"
                            + (dbUrlEnv == null ? "" : " ($" + dbUrlEnv + " not set)");
                case KbSource.ChunksFile x -> chunks;
                // the URL itself is never shown: it may hold a password
                case KbSource.Table x -> "database $" + dbUrlEnv + " table " + table;
                case KbSource.Rest x -> "REST API " + supabaseUrl + " table " + table;
            };
            if (!plan.allocation().excluded().isEmpty()) {
                from += ", " + plan.allocation().excluded().size() + " chunks left out (kb quota lists them)";
            }
            Map<String, Integer> targets = new LinkedHashMap<>();
            Map<String, String> byChunk = new LinkedHashMap<>();
            Map<String, String> sha = new LinkedHashMap<>();
            Map<String, String> text = new LinkedHashMap<>();
            for (QuotaPolicy.CategoryQuota c : qp.categories()) {
                targets.put(c.name(), 0); // policy order, so the report lists categories as the brief does
            }
            for (QuotaPolicy.ChunkQuota q : plan.quotas()) {
                targets.merge(q.category().name(), q.target(), Integer::sum);
                byChunk.put(q.chunk().id(), q.category().name());
                sha.put(q.chunk().id(), KbPlan.sourceSha256(q.chunk()));
                text.put(q.chunk().id(), q.chunk().content());
            }
            targets.values().removeIf(v -> v == 0);
            return new KbTargets(targets, byChunk, sha, text, plan.chunks().size(), from);
        } catch (DataSourceException | dev.spotter.ConfigurationException e) {
            throw s.error(s.path(), "knowledge base: " + e.getMessage());
        }
    }
}
