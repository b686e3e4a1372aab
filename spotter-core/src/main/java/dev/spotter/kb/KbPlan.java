package dev.spotter.kb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.spotter.generate.Plan;
import dev.spotter.generate.Plans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bundled {@code kb} generation plan, built from the chunks being converted and the {@link QuotaPolicy}.
 *
 * <p>Each policy category becomes up to two plan categories: {@code <name>} (single-turn Q&A) and
 * {@code <name>-multi} (conversations with 2–3 user turns), so the multi-turn share holds per chunk, not only per
 * category. Each chunk is a {@link Plan.SourceItem} with {@code min = max =} its exact share of the chunk's quota
 * ({@link QuotaPolicy#plan}), so the engine's slots match {@code spotter kb quota} one for one, and every accepted
 * example records its chunk id as {@code attributes.source_id} in the provenance sidecar.
 *
 * <p>Prompts ({@code dev/spotter/kb/plan/*.md}) make the generator answer from the chunk only; the engine's own
 * checks (shape, turns, length) apply, and {@link KbCoverage} checks grounding and quotas on the output.
 */
public final class KbPlan {
    static final String NAME = "kb";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final String RES = "/dev/spotter/kb/plan/";

    /** What the user asks about, per policy category: balanced over each category's examples. */
    private static final Map<String, List<String>> ANGLES = Map.of(
            "mvq",
                    List.of(
                            "asks why the app needs this information",
                            "gives a vague answer that needs a follow-up",
                            "asks what happens if they skip the question",
                            "asks how their answer will change the program",
                            "answers in a way that raises a safety or realism concern"),
            "experience_classification",
                    List.of(
                            "describes their training history and asks which level they are",
                            "asks what their level means for how they should train",
                            "asks how to tell when they move up a level",
                            "claims a level that does not match their description",
                            "asks how fast they should expect to progress"),
            "decision_trees",
                    List.of(
                            "describes their situation and asks what to do",
                            "asks why the rule is what it is",
                            "has a constraint (time, equipment, recovery) and asks how it changes the choice"),
            "equipment_substitutions",
                    List.of(
                            "lacks a piece of equipment and asks for an alternative",
                            "asks how to keep progressing with limited equipment",
                            "has discomfort with the usual lift and asks for a swap"),
            "injury_modifications",
                    List.of(
                            "describes pain during a lift and asks how to keep training",
                            "asks when to see a professional",
                            "asks how to return to the lift after the pain settles"),
            "customization_examples", List.of("gives a profile like the example and asks for a plan"));

    private static final Map<String, List<String>> FLOWS = Map.of(
            "decision_trees",
                    List.of(
                            "Spotter asks one clarifying question before answering",
                            "the user adds a constraint after the first answer",
                            "the user reports back after two weeks"),
            "customization_examples",
                    List.of(
                            "Spotter asks one clarifying question before the plan",
                            "the user asks how to progress after the plan is given",
                            "the user changes one detail of their profile and Spotter adapts the plan"));
    private static final List<String> GENERIC_ANGLES = List.of(
            "asks a practical question about the topic",
            "asks why the guidance is what it is",
            "describes their situation and asks what applies to them");
    private static final List<String> GENERIC_FLOWS =
            List.of("Spotter asks one clarifying question first", "the user adds a constraint after the first answer");

    private KbPlan() {}

    static final long SEED = 20251107L;

    /** The plan for these chunks under this policy. */
    public static Plan build(List<KbChunk> chunks, QuotaPolicy policy) {
        return build(policy.plan(chunks), SEED);
    }

    /** The plan for these per-chunk quotas ({@link KbPlanning#quotas}), with the first round's seed. */
    public static Plan build(List<QuotaPolicy.ChunkQuota> quotas) {
        return build(quotas, SEED);
    }

    /**
     * The plan for explicit per-chunk quotas (e.g. a top-up round for the shortfall); chunks and categories with a
     * zero target are left out. A different {@code seed} gives the slots different attributes.
     */
    public static Plan build(List<QuotaPolicy.ChunkQuota> quotas, long seed) {
        return Plans.parse(yaml(quotas, seed), "kb plan", KbPlan::resource);
    }

    /** The plan as YAML text (what {@link #build} parses; useful to save and edit). */
    public static String yaml(List<QuotaPolicy.ChunkQuota> quotas) {
        return yaml(quotas, SEED);
    }

    static String yaml(List<QuotaPolicy.ChunkQuota> quotas, long seed) {
        ObjectNode root = YAML.createObjectNode();
        root.put("name", NAME);
        root.put(
                "description",
                "knowledge-base chunks to grounded Q&A and conversations ("
                        + quotas.stream()
                                .mapToInt(QuotaPolicy.ChunkQuota::target)
                                .sum() + " examples from " + quotas.size() + " chunks)");
        root.put("seed", seed);
        root.put("system_prompt_file", "system.md");
        root.put("author_prompt_file", "author.md");
        ObjectNode defaults = root.putObject("defaults");
        defaults.put("output", "coach_answer");
        defaults.put("max_tokens", 1500);
        defaults.put("temperature", 0.8);
        defaults.put("turns", 1);
        ObjectNode attrs = root.putObject("attributes");
        strings(attrs.putArray("experience"), List.of("beginner", "intermediate", "advanced"));
        strings(attrs.putArray("user_style"), List.of("terse", "detailed", "skeptical", "casual"));
        ArrayNode cats = root.putArray("categories");
        Map<QuotaPolicy.CategoryQuota, List<QuotaPolicy.ChunkQuota>> grouped = new LinkedHashMap<>();
        for (QuotaPolicy.ChunkQuota q : quotas) {
            grouped.computeIfAbsent(q.category(), k -> new ArrayList<>()).add(q);
        }
        grouped.forEach((cat, qs) -> {
            String id = categoryId(cat.name());
            int single = qs.stream().mapToInt(q -> q.target() - q.multiTurn()).sum();
            int multi = qs.stream().mapToInt(QuotaPolicy.ChunkQuota::multiTurn).sum();
            if (single > 0) {
                ObjectNode c = category(cats, id, cat, single, "single.md", qs, false);
                strings(
                        ((ObjectNode) c.get("attributes")).putArray("angle"),
                        ANGLES.getOrDefault(cat.name(), GENERIC_ANGLES));
            }
            if (multi > 0) {
                ObjectNode c = category(cats, id + "-multi", cat, multi, "multi.md", qs, true);
                c.put("turns", "2-3");
                c.put("max_tokens", 3500);
                strings(
                        ((ObjectNode) c.get("attributes")).putArray("flow"),
                        FLOWS.getOrDefault(cat.name(), GENERIC_FLOWS));
            }
        });
        try {
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode category(
            ArrayNode cats,
            String id,
            QuotaPolicy.CategoryQuota cat,
            int target,
            String template,
            List<QuotaPolicy.ChunkQuota> qs,
            boolean multi) {
        ObjectNode c = cats.addObject();
        c.put("id", id);
        c.put("description", cat.name().replace('_', ' ') + (multi ? " (multi-turn)" : ""));
        c.put("target", target);
        c.put("template", template);
        strings(c.putObject("attributes").putArray("topic"), List.of(cat.name().replace('_', ' ')));
        ArrayNode sources = c.putArray("sources");
        for (QuotaPolicy.ChunkQuota q : qs) {
            int n = multi ? q.multiTurn() : q.target() - q.multiTurn();
            if (n == 0) {
                continue;
            }
            ObjectNode s = sources.addObject();
            s.put("id", q.chunk().id());
            s.put("text", sourceText(q.chunk()));
            s.put("min", n);
            s.put("max", n);
        }
        return c;
    }

    /** The chunk as the generator is shown it: its title line, then its content. */
    public static String sourceText(KbChunk c) {
        return (c.title() == null ? "" : "Title: " + c.title() + "\n\n") + c.content();
    }

    /**
     * What a generated example records as {@code attributes.source_sha256} (the engine hashes the source text it
     * was generated from): SHA-256 of {@link #sourceText}. A different value now means the chunk changed since.
     */
    public static String sourceSha256(KbChunk c) {
        return dev.spotter.kernel.Hashing.sha256Hex(sourceText(c));
    }

    /** A policy category name as a plan category id ({@code [a-z0-9][a-z0-9-]{0,39}}). */
    static String categoryId(String name) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (id.isEmpty()) {
            id = "kb";
        }
        return id.length() > 34 ? id.substring(0, 34) : id; // room for "-multi"
    }

    private static void strings(ArrayNode arr, List<String> values) {
        values.forEach(arr::add);
    }

    static String resource(String name) {
        try (InputStream in = KbPlan.class.getResourceAsStream(RES + name)) {
            if (in == null) {
                throw new IllegalArgumentException("kb plan: missing resource " + RES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
