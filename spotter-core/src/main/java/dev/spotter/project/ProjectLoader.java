package dev.spotter.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spotter.ConfigurationException;
import dev.spotter.Environment;
import dev.spotter.FileException;
import dev.spotter.format.ConvertFormat;
import dev.spotter.kernel.YamlNode;
import dev.spotter.voice.synth.SynthPreset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code spotter.yaml}. Every problem is reported at once with the file and key path
 * ({@code spotter.yaml: sources[2].targets.coach_qa: expected a whole number >= 0, got 'lots'}); unknown keys are
 * errors so that a typo never silently becomes a default.
 */
public final class ProjectLoader {
    /** The upload formats the build can write: the foundation's {@link ConvertFormat} names. */
    public static final List<String> FORMATS =
            Arrays.stream(ConvertFormat.values()).map(ConvertFormat::cliName).toList();
    /** Presets of the voice synthesizer ({@code spotter synth-voice}). */
    public static final List<String> SYNTH_PRESETS = SynthPreset.names();

    static final List<String> PII_TYPES = List.of("email", "phone", "url", "address");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ProjectLoader() {}

    /**
     * Loads a project file. {@code env} is where the project's environment variables are looked up: whether the
     * provider's API key variable is set, and a knowledge-base URL named by {@code dbUrlEnv} (never read from the
     * process unless the caller passes {@link Environment#system()}).
     *
     * @throws ConfigurationException bad content (the message names the file and the key path)
     * @throws FileException the file cannot be read
     */
    public static Project load(Path file, Environment env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(file + ": no such project file");
        } catch (IOException e) {
            throw FileException.reading(file, e);
        }
        return parse(file, text, env);
    }

    /** Parses project text as if read from {@code file} (paths resolve against its directory). */
    public static Project parse(Path file, String text, Environment env) {
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            String why = String.valueOf(e.getOriginalMessage())
                    .lines()
                    .findFirst()
                    .orElse("")
                    .strip();
            throw new ConfigurationException(name + ": not valid YAML" + where + ": " + why);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigurationException(name + ": empty project file");
        }
        YamlNode top = YamlNode.root(name, root, ConfigurationException::new);
        String dsName = top.str("name", "spotter-dataset");
        String description = top.str("description", "");
        long seed = top.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        int tokenLimit = (int) top.integer("tokenLimit", 24_576, 16, 1_000_000);
        String license = top.str("license", "other");

        Path base = file.toAbsolutePath().getParent();
        YamlNode out = top.obj("output");
        String outDir = out.str("dir", "build");
        ReviewSection review = ReviewSection.top(top, base, outDir);
        List<SourceSpec> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode s : top.objects("sources")) {
            sources.add(source(s, ids, base, env, review));
        }
        if (sources.isEmpty()) {
            throw top.error("sources", "at least one source is required");
        }

        List<String> formats = out.strings("formats", List.of("messages"));
        for (int i = 0; i < formats.size(); i++) {
            if (!FORMATS.contains(formats.get(i))) {
                throw out.error(
                        out.at("formats") + "[" + i + "]",
                        "unknown format '" + formats.get(i) + "' (known: " + String.join(", ", FORMATS) + ")");
            }
        }
        if (formats.isEmpty() || new HashSet<>(formats).size() != formats.size()) {
            throw out.error(out.at("formats"), "must list at least one format, each once");
        }
        String stateDir = out.str("stateDir", null);
        out.finish();

        YamlNode sp = top.obj("split");
        Project.Split split = new Project.Split(
                sp.decimal("validation", 0.1, 0.0, 0.5), (int) sp.integer("minValidation", 1, 0, 1_000_000), (int)
                        sp.integer("minStratum", 10, 2, 1_000_000));
        sp.finish();

        YamlNode dd = top.obj("dedup");
        double threshold = dd.decimal("threshold", 0.85, 0.3, 1.0);
        double leak = dd.decimal("leakageThreshold", Math.min(threshold, 0.7), 0.3, 1.0);
        if (leak > threshold) {
            throw dd.error(
                    dd.at("leakageThreshold"),
                    "must not exceed threshold (" + threshold
                            + "): pairs kept as distinct in one split would otherwise be allowed across splits");
        }
        String shingle = dd.str("shingle", "word");
        if (!shingle.equals("word") && !shingle.equals("char")) {
            throw dd.error(dd.at("shingle"), "must be 'word' or 'char', got '" + shingle + "'");
        }
        int shingleSize = (int) dd.integer("shingleSize", shingle.equals("word") ? 3 : 5, 1, 32);
        int perms = (int) dd.integer("permutations", 128, 16, 1024);
        Project.Dedup dedup = new Project.Dedup(threshold, leak, shingle, shingleSize, perms);
        dd.finish();

        YamlNode pn = top.obj("pii");
        List<String> types = pn.strings("types", PII_TYPES);
        for (int i = 0; i < types.size(); i++) {
            if (!PII_TYPES.contains(types.get(i))) {
                throw pn.error(
                        pn.at("types") + "[" + i + "]",
                        "unknown PII type '" + types.get(i) + "' (known: " + String.join(", ", PII_TYPES) + ")");
            }
        }
        List<String> roles = pn.strings("roles", List.of("user"));
        for (int i = 0; i < roles.size(); i++) {
            if (!List.of("system", "user", "assistant").contains(roles.get(i))) {
                throw pn.error(pn.at("roles") + "[" + i + "]", "unknown role '" + roles.get(i) + "'");
            }
        }
        Project.Pii pii = new Project.Pii(pn.bool("enabled", true), types, roles);
        pn.finish();

        YamlNode pv = top.obj("provider");
        String pName = pv.str("name", null);
        String keyEnv = pv.str("apiKeyEnv", null);
        if (keyEnv != null && !ENV.matcher(keyEnv).matches()) {
            // Why: a pasted key here would be committed with the project; only a variable NAME belongs here.
            throw pv.error(
                    pv.at("apiKeyEnv"), "must be the NAME of an environment variable (letters, digits, _), not a key");
        }
        if (pName != null && keyEnv == null) {
            throw pv.error(pv.at("apiKeyEnv"), "is required when provider.name is set");
        }
        Project.Provider provider =
                new Project.Provider(pName, keyEnv, pv.str("model", null), keyEnv != null && env.isSet(keyEnv));
        pv.finish();

        YamlNode cn = top.obj("cost");
        Project.Cost cost = new Project.Cost(
                (int) cn.integer("epochs", 3, 1, 100),
                cn.decimal("trainingPricePer1k", 0.0008, 0, 1000),
                (int) cn.integer("assumedTokensPerExample", 1200, 1, 1_000_000),
                cn.decimal("generationPricePer1k", 0.03, 0, 1000),
                (int) cn.integer("generationTokensPerExample", 1500, 1, 1_000_000));
        cn.finish();
        YamlNode qn = top.obj("quality");
        Project.Quality quality = new Project.Quality(qn.decimal("maxRejectRate", 0.0, 0.0, 1.0));
        qn.finish();
        String eval = top.str("eval", null);
        top.finish();

        return new Project(
                file,
                dsName,
                description,
                seed,
                tokenLimit,
                license,
                sources,
                new Project.Output(formats, outDir, stateDir),
                split,
                dedup,
                pii,
                provider,
                cost,
                quality,
                eval,
                review.settings());
    }

    private static SourceSpec source(YamlNode s, Set<String> ids, Path base, Environment env, ReviewSection review) {
        String id = s.reqStr("id");
        if (!ID.matcher(id).matches()) {
            throw s.error(
                    s.at("id"),
                    "must be 1-64 letters, digits, '_', '.', '-' starting with a letter or digit, got '" + id + "'");
        }
        if (!ids.add(id)) {
            throw s.error(s.at("id"), "duplicate source id '" + id + "'");
        }
        String kindName = s.reqStr("kind");
        SourceKind kind = SourceKind.byName(kindName)
                .orElseThrow(() -> s.error(
                        s.at("kind"),
                        "unknown kind '" + kindName + "' (known: " + String.join(", ", SourceKind.names()) + ")"));
        List<String> paths = s.strings("paths", List.of());
        if (s.has("path")) {
            if (!paths.isEmpty()) {
                throw s.error(s.at("path"), "give either path or paths, not both");
            }
            paths = List.of(s.str("path", null));
        } else {
            s.str("path", null);
        }
        boolean synth = kind == SourceKind.SYNTHETIC_VOICE;
        boolean kbKind = kind == SourceKind.KNOWLEDGE_BASE;
        if (paths.isEmpty() && !synth) {
            throw s.error(s.at("paths"), "is required (the JSONL file(s) this source reads or its generator writes)");
        }
        String category = s.str("category", null);
        String categoryField = s.str("categoryField", null);
        String sidecar = s.str("categorySidecar", null);
        if (kbKind) {
            // Why: the category of a kb example is its chunk's, found through the chunk id that `spotter kb
            // generate` writes to the provenance sidecar; a category in the yaml could disagree with the chunk.
            if (category != null) {
                throw s.error(
                        s.at("category"),
                        "not used by kind 'knowledge-base': an example's category is its chunk's"
                                + " (chunk id from the provenance sidecar)");
            }
            categoryField = categoryField == null ? "attributes.source_id" : categoryField;
            sidecar = sidecar == null ? dev.spotter.kernel.Sidecars.PROVENANCE : sidecar;
        }
        if ((category == null) == (categoryField == null)) {
            throw s.error(s.path(), "give exactly one of category (all examples) or categoryField (per record)");
        }
        var targets = s.counts("targets");
        if (category != null && !targets.isEmpty() && !targets.keySet().equals(Set.of(category))) {
            throw s.error(
                    s.at("targets"),
                    "with a fixed category '" + category + "' the only target key must be that category, got "
                            + targets.keySet());
        }
        if (sidecar != null && categoryField == null) {
            throw s.error(s.at("categorySidecar"), "needs categoryField (the field to read from the sidecar lines)");
        }
        if (sidecar != null && (!sidecar.endsWith(".jsonl") || sidecar.contains("/") || sidecar.equals(".jsonl"))) {
            throw s.error(
                    s.at("categorySidecar"),
                    "must be a file-name suffix ending in .jsonl, like .provenance.jsonl, got '" + sidecar + "'");
        }
        String preset = s.str("preset", null);
        Long synthSeed = s.has("seed") ? s.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null;
        if (!synth && (preset != null || synthSeed != null)) {
            throw s.error(s.at(preset != null ? "preset" : "seed"), "only for kind 'synthetic-voice'");
        }
        if (synth) {
            preset = preset == null ? "running-150" : preset;
            if (!SYNTH_PRESETS.contains(preset)) {
                throw s.error(
                        s.at("preset"),
                        "unknown preset '" + preset + "' (known: " + String.join(", ", SYNTH_PRESETS) + ")");
            }
            if (paths.isEmpty() && category == null) {
                throw s.error(s.at("category"), "is required for a synthesized source (all its examples get it)");
            }
            if (paths.isEmpty() && targets.isEmpty()) {
                throw s.error(
                        s.at("targets"), "is required for a synthesized source (how many examples to synthesize)");
            }
        }
        Double maxReject = s.has("maxRejectRate") ? s.decimal("maxRejectRate", 0, 0.0, 1.0) : null;
        SourceSpec.Kb kb = null;
        java.util.Map<String, String> chunkCategory = java.util.Map.of();
        java.util.Map<String, String> chunkText = java.util.Map.of();
        String dbUrlEnv = s.str("dbUrlEnv", null);
        String chunks = s.str("chunks", null);
        String policy = s.str("policy", null);
        String table = s.str("table", null);
        String supabaseUrl = s.str("supabaseUrl", null);
        String supabaseKeyEnv = s.str("supabaseKeyEnv", null);
        java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
        if (s.has("columns")) {
            YamlNode cols = s.obj("columns");
            for (dev.spotter.kb.KbColumns.Field f : dev.spotter.kb.KbColumns.Field.values()) {
                String v = cols.str(f.key(), null);
                if (v != null) {
                    columns.put(f.key(), v);
                }
            }
            cols.finish();
        }
        boolean kbKeys = dbUrlEnv != null
                || chunks != null
                || policy != null
                || table != null
                || supabaseUrl != null
                || supabaseKeyEnv != null
                || !columns.isEmpty();
        if (!kbKind && kbKeys) {
            throw s.error(
                    s.path(),
                    "dbUrlEnv, chunks, policy, table, columns, supabaseUrl and supabaseKeyEnv are only for kind"
                            + " 'knowledge-base'");
        }
        if (kbKind) {
            for (String k : new String[] {"dbUrlEnv", "supabaseKeyEnv"}) {
                String v = k.equals("dbUrlEnv") ? dbUrlEnv : supabaseKeyEnv;
                if (v != null && !ENV.matcher(v).matches()) {
                    // Why: a pasted URL or key is a secret; only a variable NAME belongs in the file.
                    throw s.error(
                            s.at(k),
                            "must be the NAME of an environment variable holding the "
                                    + (k.equals("dbUrlEnv") ? "database URL, not the URL" : "API key, not the key"));
                }
            }
            if ((dbUrlEnv != null ? 1 : 0) + (chunks != null ? 1 : 0) + (supabaseUrl != null ? 1 : 0) > 1) {
                throw s.error(s.at("chunks"), "give one of dbUrlEnv, chunks or supabaseUrl, not several");
            }
            if (supabaseUrl != null && supabaseKeyEnv == null) {
                throw s.error(s.at("supabaseKeyEnv"), "is required with supabaseUrl (the NAME of the key's variable)");
            }
            String t = table == null ? "knowledge_base" : table;
            KbTargets kt =
                    KbTargets.resolve(s, base, dbUrlEnv, chunks, policy, t, columns, supabaseUrl, supabaseKeyEnv, env);
            chunkCategory = kt.chunkCategory();
            chunkText = kt.chunkText();
            if (targets.isEmpty()) {
                targets = kt.targets();
            }
            kb = new SourceSpec.Kb(
                    dbUrlEnv,
                    chunks,
                    policy,
                    t,
                    columns,
                    supabaseUrl,
                    supabaseKeyEnv,
                    kt.chunkCount(),
                    kt.from(),
                    kt.chunkSha256());
        }
        SourceSpec spec = new SourceSpec(
                id,
                kind,
                paths,
                category,
                categoryField,
                sidecar,
                targets,
                s.str("plan", null),
                s.str("command", null),
                preset,
                synthSeed,
                kb,
                maxReject,
                chunkCategory,
                chunkText);
        kind.validate(spec, s.path());
        review.source(s, spec);
        s.finish();
        return spec;
    }

    /** The project as canonical JSON (used to key the incremental build state). */
    public static String canonicalJson(Project p) {
        try {
            var copy = new java.util.LinkedHashMap<String, Object>();
            copy.put("name", p.name());
            copy.put("description", p.description());
            copy.put("seed", p.seed());
            copy.put("tokenLimit", p.tokenLimit());
            copy.put("license", p.license());
            List<Object> srcs = new ArrayList<>();
            for (SourceSpec s : p.sources()) {
                var m = new java.util.LinkedHashMap<String, Object>();
                m.put("id", s.id());
                m.put("kind", s.kind().yamlName());
                m.put("paths", s.paths());
                m.put("category", s.category());
                m.put("categoryField", s.categoryField());
                m.put("categorySidecar", s.categorySidecar());
                m.put("targets", s.targets());
                m.put("plan", s.plan());
                m.put("preset", s.preset());
                m.put("seed", s.synthSeed());
                m.put("kb", s.kb());
                m.put("chunkCategory", new java.util.TreeMap<>(s.chunkCategory()));
                m.put("maxRejectRate", s.maxRejectRate());
                srcs.add(m);
            }
            copy.put("sources", srcs);
            copy.put("output", p.output());
            copy.put("split", p.split());
            copy.put("dedup", p.dedup());
            copy.put("pii", p.pii());
            copy.put("cost", p.cost());
            copy.put("quality", p.quality());
            copy.put("eval", p.eval());
            return JSON.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
