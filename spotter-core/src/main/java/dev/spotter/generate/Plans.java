package dev.spotter.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spotter.ConfigurationException;
import dev.spotter.FileException;
import dev.spotter.checks.ClinicalFacts;
import dev.spotter.checks.InjuryExpectation;
import dev.spotter.kernel.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads plans: a bundled name ({@link #bundledNames()}) or a path to a {@code plan.yaml}; template and prompt
 * files are resolved relative to the plan. Validation is strict and names the file and field: a plan that loads
 * renders every category without unfilled placeholders.
 *
 * <p>Plan file shape (see docs/areas/generate.md for the full reference):
 * <pre>
 * name: injury
 * description: …
 * seed: 20251107
 * system_prompt_file: system.md      # the training example's system message
 * author_prompt_file: author.md      # the generator model's system prompt
 * defaults: {output: injury_analysis, max_tokens: 3000, temperature: 0.9, turns: 1}
 * attributes: {experience: [beginner, intermediate, advanced]}   # shared by all categories
 * categories:
 *   - id: acute
 *     target: 75
 *     template: acute.md
 *     expect: [red_flag | doms_false_positive | ambiguous]
 *     turns: 1 or "2-4"
 *     attributes: {body_region: [shoulder, knee]}
 *     exclude: [{context: [pregnant], sex: [male]}]   # plus plan-level exclude; see AttributeRules
 *     sources: [{id: chunk-1, text: "…" | file: chunk-1.md, min: 5, max: 10}]
 * facts: clinical                    # optional: {{red_flag_brief}} etc. from checks/clinical-rules.yaml
 * </pre>
 * Attribute values may be weighted ({@code {value: v, weight: n}}) or conditional ({@code [{when: {...}, values:
 * [...]}, ...]}); exclusions forbid combinations. {@link AttributeRules} documents the syntax and the algorithm;
 * a plan whose constraints cannot be met fails at load.
 */
public final class Plans {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_]*)\\s*}}");
    private static final Pattern CATEGORY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final String BUNDLED_ROOT = "plans/";

    private Plans() {}

    /** Names of the plans bundled as resources. */
    public static List<String> bundledNames() {
        String idx = readResource(BUNDLED_ROOT + "index.txt");
        return idx.lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("#"))
                .toList();
    }

    /** A bundled plan name, or a path to a plan YAML file. */
    public static Plan load(String nameOrPath) {
        if (bundledNames().contains(nameOrPath)) {
            String dir = BUNDLED_ROOT + nameOrPath + "/";
            return parse(readResource(dir + "plan.yaml"), "bundled plan " + nameOrPath, f -> readResource(dir + f));
        }
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
            throw new ConfigurationException("no bundled plan named '" + nameOrPath + "' (bundled: "
                    + String.join(", ", bundledNames()) + ") and no plan file at " + p.toAbsolutePath());
        }
        Path dir = p.toAbsolutePath().getParent();
        try {
            return parse(Files.readString(p), p.toString(), f -> {
                try {
                    return Files.readString(dir.resolve(f));
                } catch (IOException e) {
                    throw new ConfigurationException(p + ": cannot read " + dir.resolve(f) + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            throw FileException.reading(p, e);
        }
    }

    /** Parses plan YAML; {@code files} reads a file named in the plan (relative to it). */
    public static Plan parse(String yaml, String where, java.util.function.Function<String, String> files) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ConfigurationException(where + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationException(where + ": plan must be a YAML mapping");
        }
        String name = text(root, "name", where);
        String description = root.path("description").asText("");
        long seed = root.path("seed").asLong(0);
        String system = files.apply(text(root, "system_prompt_file", where)).strip();
        String author = files.apply(text(root, "author_prompt_file", where)).strip();
        JsonNode defaults = root.path("defaults");
        Map<String, AttributeRules.Definition> shared =
                AttributeRules.parse(root.path("attributes"), where + " attributes");
        List<AttributeRules.Exclusion> sharedExclusions = AttributeRules.exclusions(root.path("exclude"), where);
        String facts = root.path("facts").asText("");
        if (!facts.isEmpty() && !facts.equals(ClinicalFacts.NAME)) {
            throw new IllegalArgumentException(
                    where + ": unknown facts '" + facts + "' (known: " + ClinicalFacts.NAME + ")");
        }
        JsonNode cats = root.path("categories");
        if (!cats.isArray() || cats.isEmpty()) {
            throw new ConfigurationException(where + ": 'categories' must be a non-empty list");
        }
        List<Plan.Category> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        Map<String, Set<String>> planValues = new java.util.HashMap<>();
        for (JsonNode c : cats) {
            String id = text(c, "id", where + " category");
            String cw = where + " category '" + id + "'";
            if (!CATEGORY_ID.matcher(id).matches()) {
                throw new ConfigurationException(cw + ": id must match [a-z0-9][a-z0-9-]{0,39}");
            }
            if (!seen.add(id)) {
                throw new ConfigurationException(cw + ": duplicate category id");
            }
            int target = c.path("target").asInt(-1);
            if (!c.path("target").isInt() || target < 1) {
                throw new ConfigurationException(cw + ": target must be an integer >= 1");
            }
            String templateFile = text(c, "template", cw);
            String template = files.apply(templateFile);
            OutputKind kind = OutputKind.parse(pick(c, defaults, "output").asText("coach_answer"));
            Set<InjuryExpectation> expect = EnumSet.noneOf(InjuryExpectation.class);
            for (JsonNode e : c.path("expect")) {
                expect.add(InjuryExpectation.valueOf(e.asText().toUpperCase(Locale.ROOT)));
            }
            if (!expect.isEmpty() && kind != OutputKind.INJURY_ANALYSIS) {
                throw new ConfigurationException(cw + ": 'expect' applies only to output injury_analysis");
            }
            String turns = pick(c, defaults, "turns").asText("1");
            int minT;
            int maxT;
            Matcher tm = Pattern.compile("(\\d+)(?:-(\\d+))?").matcher(turns.strip());
            if (!tm.matches()) {
                throw new ConfigurationException(cw + ": turns must be N or N-M, was '" + turns + "'");
            }
            minT = Integer.parseInt(tm.group(1));
            maxT = tm.group(2) == null ? minT : Integer.parseInt(tm.group(2));
            if (minT < 1 || maxT < minT || maxT > 8) {
                throw new ConfigurationException(cw + ": turns must be within 1..8 with min <= max");
            }
            int maxTokens = pick(c, defaults, "max_tokens").asInt(2000);
            double temperature = pick(c, defaults, "temperature").asDouble(0.9);
            Map<String, AttributeRules.Definition> defs = new LinkedHashMap<>(shared);
            defs.putAll(AttributeRules.parse(c.path("attributes"), cw + " attributes"));
            List<AttributeRules.Exclusion> exclusions =
                    new ArrayList<>(AttributeRules.exclusions(c.path("exclude"), cw));
            for (AttributeRules.Exclusion e : exclusions) {
                if (!defs.keySet().containsAll(e.values().keySet())) {
                    throw new IllegalArgumentException(
                            cw + ": exclusion " + e + " names an attribute the category does not have");
                }
            }
            AttributeRules.validate(defs, exclusions, cw);
            // plan-level exclusions: values may belong to other categories (checked over the whole plan below)
            exclusions.addAll(AttributeRules.applicable(sharedExclusions, defs.keySet()));
            defs.forEach((k, d) -> planValues
                    .computeIfAbsent(k, x -> new java.util.HashSet<>())
                    .addAll(d.values()));
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            defs.forEach((k, d) -> attrs.put(k, d.values()));
            if (!facts.isEmpty()) {
                ClinicalFacts.validate(attrs, cw);
            }
            List<Plan.SourceItem> sources = new ArrayList<>();
            for (JsonNode s : c.path("sources")) {
                String sid = text(s, "id", cw + " source");
                String stext = s.has("file")
                        ? files.apply(s.path("file").asText())
                        : text(s, "text", cw + " source '" + sid + "'");
                sources.add(new Plan.SourceItem(
                        sid,
                        stext.strip(),
                        s.path("min").asInt(0),
                        s.path("max").asInt(target)));
            }
            if (!sources.isEmpty()) {
                int min = sources.stream().mapToInt(Plan.SourceItem::min).sum();
                int max = sources.stream().mapToInt(Plan.SourceItem::max).sum();
                if (target < min || target > max) {
                    throw new ConfigurationException(cw + ": target " + target + " is outside what its sources allow ("
                            + min + ".." + max + ")");
                }
            }
            String contract = Prompts.outputContract(kind, minT, maxT);
            // Validate placeholders now, not after money was spent.
            Set<String> known = new java.util.HashSet<>(attrs.keySet());
            known.addAll(List.of("category", "turns", "output_contract", "source", "source_id"));
            if (!facts.isEmpty()) {
                known.addAll(ClinicalFacts.placeholders());
            }
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    throw new ConfigurationException(cw + ": template " + templateFile + " uses {{" + m.group(1)
                            + "}} but the category has no such attribute (has " + attrs.keySet() + ")");
                }
                if ((m.group(1).equals("source") || m.group(1).equals("source_id")) && sources.isEmpty()) {
                    throw new ConfigurationException(
                            cw + ": template uses {{" + m.group(1) + "}} but the category has no sources");
                }
            }
            String hash = Hashing.sha256Hex(system + "\u0000" + author + "\u0000" + template + "\u0000" + contract
                    + (facts.isEmpty() ? "" : "\u0000" + ClinicalFacts.fingerprint()));
            out.add(new Plan.Category(
                    id,
                    c.path("description").asText(""),
                    target,
                    template,
                    templateFile,
                    kind,
                    expect,
                    minT,
                    maxT,
                    maxTokens,
                    temperature,
                    attrs,
                    sources,
                    hash,
                    defs,
                    exclusions,
                    facts));
        }
        for (AttributeRules.Exclusion e : sharedExclusions) {
            e.values().forEach((dim, vals) -> {
                Set<String> unknown = new java.util.LinkedHashSet<>(vals);
                unknown.removeAll(planValues.getOrDefault(dim, Set.of()));
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException(where + ": exclusion " + e + " names " + dim + " values "
                            + unknown + " that no category has");
                }
            });
        }
        Plan plan = new Plan(name, description, system, author, seed, out);
        for (Plan.Category c : plan.categories()) {
            Slots.of(plan, c); // constraints that cannot be met fail now, not after money was spent
        }
        return plan;
    }

    private static JsonNode pick(JsonNode c, JsonNode defaults, String field) {
        return c.has(field) ? c.path(field) : defaults.path(field);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ConfigurationException(where + ": '" + field + "' is required");
        }
        return v.asText();
    }

    private static String readResource(String rel) {
        try (InputStream in = Plans.class.getResourceAsStream(rel)) {
            if (in == null) {
                throw new ConfigurationException("missing bundled resource dev/spotter/generate/" + rel);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
