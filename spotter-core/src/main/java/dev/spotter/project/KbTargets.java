package dev.spotter.project;

import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import dev.spotter.kb.KbChunk;
import dev.spotter.kb.KbChunks;
import dev.spotter.kb.KbDatabase;
import dev.spotter.kb.KbReader;
import dev.spotter.kb.QuotaPolicy;
import dev.spotter.kernel.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Targets of a {@code knowledge-base} source: the kb area's quota policy applied to the actual chunks (the bundled
 * 23-chunk sample by default: 50 + 50 + 30 + 12 + 12 + 5 = 159 examples), summed per quota category, plus the map
 * chunk id → category that turns the chunk id in {@code spotter kb generate}'s provenance sidecar into a category,
 * and chunk id → content, which the build checks each answer's grounding against (memory: the knowledge base's text,
 * a few MB for thousands of chunks).
 *
 * <p>Chunks come from, first match: {@code chunks} (a {@code spotter kb export} file); the database whose URL is
 * in the environment variable named by {@code dbUrlEnv}, when it is set; else the bundled sample.
 */
record KbTargets(
        Map<String, Integer> targets,
        Map<String, String> chunkCategory,
        Map<String, String> chunkText,
        int chunkCount,
        String from) {

    static KbTargets resolve(
            YamlNode s, Path base, String dbUrlEnv, String chunks, String policy, String table, Environment env) {
        List<KbChunk> list;
        String from;
        try {
            if (chunks != null) {
                Path f = base.resolve(chunks).normalize();
                if (!Files.isRegularFile(f)) {
                    throw s.error(
                            s.at("chunks"),
                            "no such chunks file " + f + " (write it with spotter kb export -o " + chunks + ")");
                }
                list = KbChunks.read(f);
                from = chunks;
            } else if (dbUrlEnv != null && env.isSet(dbUrlEnv)) {
                list = fromDatabase(KbDatabase.fromUrl(env.get(dbUrlEnv).orElseThrow(), env), table);
                from = "database $" + dbUrlEnv + " table "
                        + table; // the URL itself is never shown: it may hold a password
            } else {
                list = KbChunks.sample();
                from = "bundled " + list.size() + "-chunk sample"
                        + (dbUrlEnv == null ? "" : " ($" + dbUrlEnv + " not set)");
            }
            QuotaPolicy qp = policy == null
                    ? QuotaPolicy.defaults()
                    : QuotaPolicy.load(base.resolve(policy).normalize());
            Map<String, Integer> targets = new LinkedHashMap<>();
            Map<String, String> byChunk = new LinkedHashMap<>();
            Map<String, String> text = new LinkedHashMap<>();
            for (QuotaPolicy.CategoryQuota c : qp.categories()) {
                targets.put(c.name(), 0); // policy order, so the report lists categories as the brief does
            }
            for (QuotaPolicy.ChunkQuota q : qp.plan(list)) {
                targets.merge(q.category().name(), q.target(), Integer::sum);
                byChunk.put(q.chunk().id(), q.category().name());
                text.put(q.chunk().id(), q.chunk().content());
            }
            targets.values().removeIf(v -> v == 0);
            return new KbTargets(targets, byChunk, text, list.size(), from);
        } catch (DataSourceException e) {
            throw s.error(s.path(), "knowledge base: " + e.getMessage());
        }
    }

    private static List<KbChunk> fromDatabase(KbDatabase db, String table) {
        List<KbChunk> out = new ArrayList<>();
        new KbReader(db, table).read(null, new KbReader.Sink() {
            @Override
            public void accept(KbChunk chunk) {
                out.add(chunk);
            }

            @Override
            public void reject(long row, String id, String reason) {
                // a row kb export would quarantine cannot be planned; it gets no target (kb export reports it)
            }
        });
        return out;
    }
}
