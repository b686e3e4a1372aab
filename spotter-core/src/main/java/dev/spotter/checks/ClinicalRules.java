package dev.spotter.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The clinical rule set: red flags with urgency and scope, "get it examined first" triggers, DOMS look-alikes,
 * contexts that change the answer and the per-region safety net, loaded once from the bundled
 * {@code clinical-rules.yaml}. This is the one place those facts live: the injury checker enforces them, the
 * generation prompts are filled from them ({@link ClinicalFacts}) and the evaluation gate judges red-flag
 * escalation with them ({@link RedFlagRules#gate}).
 *
 * <p>Loading validates the file (known urgency and scope values, routes that name a known red flag or trigger,
 * regexes that compile, no region listed twice) and fails with the entry named, so a bad edit never reaches a
 * paid run. Immutable and thread-safe.
 */
public final class ClinicalRules {
    /** Where a red flag's "stop" applies. */
    public enum Scope {
        /** Stop all exercise of every kind until a doctor has assessed and cleared the person. */
        WHOLE_BODY,
        /** No training before the assessment; afterwards only unaffected regions, if the clinician agrees. */
        LOCAL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A red flag (requirements 1.2/1.3). {@code upgrade} and {@code allowedAfter} may be empty. */
    public record RedFlag(
            String id,
            String name,
            Urgency urgency,
            Scope scope,
            boolean noDrive,
            String clinician,
            String presentation,
            String signs,
            List<String> serious,
            String upgrade,
            String immediateSteps,
            String allowedAfter,
            List<String> mustNot,
            boolean domsFraming,
            String region) {}

    /** An examine-first trigger (2.2); {@code routesTo} names a red flag when the trigger already is one. */
    public record ExamineFirst(
            String id,
            String trigger,
            Urgency urgency,
            String routesTo,
            List<String> regions,
            List<String> stop,
            List<String> structural,
            String allowed) {}

    /** A DOMS look-alike (4.1); {@code routesTo} is a red flag id, an examine-first id or empty. */
    public record Lookalike(
            String id,
            String looksLike,
            String discriminators,
            String routesTo,
            List<Pattern> storyRegex,
            String region) {}

    /** A context that changes the answer (5.1). */
    public record Context(
            String id, List<String> match, boolean raisesRisk, Pattern step, List<String> mustNot, String guidance) {}

    /** Safety-net triggers for a set of plan region values (1.6). */
    public record Region(List<String> match, Pattern triggers, String signs) {}

    private static final String RESOURCE = "clinical-rules.yaml";
    private static volatile @Nullable ClinicalRules instance;

    private final Map<Urgency, List<Pattern>> urgencyPhrases;
    private final Map<Urgency, List<Pattern>> proseEscalation;
    private final List<String> negators;
    private final List<String> proseNegators;
    private final List<String> redFlagForbidden;
    private final List<String> medication;
    private final Map<String, Pattern> regexes = new LinkedHashMap<>();
    private final List<Pattern> rhabdoTriggers;
    private final Map<String, String> classicPatterns;
    private final Map<String, String> classicByRegion;
    private final Map<String, RedFlag> redFlags = new LinkedHashMap<>();
    private final Map<String, ExamineFirst> examineFirst = new LinkedHashMap<>();
    private final Map<String, Lookalike> lookalikes = new LinkedHashMap<>();
    private final List<Context> contexts = new ArrayList<>();
    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final String fingerprint;

    /** The bundled rule set (loaded on first use). */
    public static ClinicalRules get() {
        ClinicalRules r = instance;
        if (r == null) {
            synchronized (ClinicalRules.class) {
                r = instance;
                if (r == null) {
                    r = instance = load();
                }
            }
        }
        return r;
    }

    private static ClinicalRules load() {
        try (InputStream in = ClinicalRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource dev/spotter/checks/" + RESOURCE + " missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ClinicalRules(new ObjectMapper(new YAMLFactory()).readTree(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private ClinicalRules(JsonNode root, String text) {
        String w = RESOURCE + ": ";
        urgencyPhrases = new EnumMap<>(Urgency.class);
        root.path("urgency_phrases").properties().forEach(e -> {
            Urgency u = urgency(e.getKey(), w + "urgency_phrases");
            urgencyPhrases.put(
                    u,
                    e.getValue()
                            .valueStream()
                            .map(v -> regex(v.asText(), w + e.getKey()))
                            .toList());
        });
        proseEscalation = new EnumMap<>(Urgency.class);
        root.path("prose_escalation")
                .properties()
                .forEach(e -> proseEscalation.put(
                        urgency(e.getKey(), w + "prose_escalation"),
                        e.getValue()
                                .valueStream()
                                .map(v -> regex(v.asText(), w + e.getKey()))
                                .toList()));
        proseNegators = strings(root.path("prose_negators")).stream()
                .map(Phrases::normalise)
                .toList();
        negators =
                strings(root.path("negators")).stream().map(Phrases::normalise).toList();
        redFlagForbidden = strings(root.path("red_flag_forbidden"));
        medication = strings(root.path("medication"));
        for (String k : List.of(
                "rule_out_regex",
                "description_only_regex",
                "load_number_regex",
                "clinician_regex",
                "self_test_regex",
                "no_drive_regex",
                "prose_conditional_regex")) {
            regexes.put(k, regex(required(root, k, w).asText(), w + k));
        }
        rhabdoTriggers = root.path("rhabdo_trigger_regex")
                .valueStream()
                .map(v -> regex(v.asText(), w + "rhabdo_trigger_regex"))
                .toList();
        classicPatterns = stringMap(root.path("classic_patterns"));
        classicByRegion = new LinkedHashMap<>();
        stringMap(root.path("classic_by_region")).forEach((k, v) -> {
            if (!classicPatterns.containsKey(v)) {
                throw new IllegalStateException(w + "classic_by_region '" + k + "' names unknown pattern " + v);
            }
            classicByRegion.put(key(k), v);
        });
        for (JsonNode n : root.path("red_flags")) {
            String id = required(n, "id", w + "red flag").asText();
            String where = w + "red flag " + id;
            RedFlag f = new RedFlag(
                    id,
                    required(n, "name", where).asText(),
                    urgency(required(n, "urgency", where).asText(), where),
                    scope(required(n, "scope", where).asText(), where),
                    n.path("no_drive").asBoolean(false),
                    required(n, "clinician", where).asText(),
                    required(n, "presentation", where).asText(),
                    required(n, "signs", where).asText(),
                    strings(required(n, "serious", where)),
                    n.path("upgrade").asText(""),
                    required(n, "immediate_steps", where).asText(),
                    n.path("allowed_after").asText(""),
                    strings(n.path("must_not")),
                    n.path("doms_framing").asBoolean(false),
                    n.path("region").asText(""));
            if (f.urgency() == Urgency.WITHIN_24_HOURS && f.upgrade().isEmpty()) {
                throw new IllegalStateException(where + ": a within_24_hours flag needs 'upgrade' (RF-R10)");
            }
            if (redFlags.put(id, f) != null) {
                throw new IllegalStateException(where + ": duplicate id");
            }
        }
        for (JsonNode n : root.path("examine_first")) {
            String id = required(n, "id", w + "examine-first trigger").asText();
            String where = w + "examine-first trigger " + id;
            String routes = n.path("routes_to").asText("");
            if (!routes.isEmpty() && !redFlags.containsKey(routes)) {
                throw new IllegalStateException(where + ": routes_to names unknown red flag " + routes);
            }
            examineFirst.put(
                    id,
                    new ExamineFirst(
                            id,
                            required(n, "trigger", where).asText(),
                            urgency(required(n, "urgency", where).asText(), where),
                            routes,
                            strings(n.path("regions")).stream()
                                    .map(ClinicalRules::key)
                                    .toList(),
                            strings(n.path("stop")),
                            strings(n.path("structural")),
                            n.path("allowed").asText("")));
        }
        for (JsonNode n : root.path("lookalikes")) {
            String id = required(n, "id", w + "look-alike").asText();
            String where = w + "look-alike " + id;
            String routes = n.path("routes_to").asText("");
            if (!routes.isEmpty() && !redFlags.containsKey(routes) && !examineFirst.containsKey(routes)) {
                throw new IllegalStateException(where + ": routes_to names no red flag or examine-first trigger");
            }
            lookalikes.put(
                    id,
                    new Lookalike(
                            id,
                            required(n, "looks_like", where).asText(),
                            required(n, "discriminators", where).asText(),
                            routes,
                            n.path("story_regex")
                                    .valueStream()
                                    .map(v -> regex(v.asText(), where))
                                    .toList(),
                            n.path("region").asText("")));
        }
        for (JsonNode n : root.path("contexts")) {
            String id = required(n, "id", w + "context").asText();
            String where = w + "context " + id;
            contexts.add(new Context(
                    id,
                    strings(required(n, "match", where)).stream()
                            .map(ClinicalRules::key)
                            .toList(),
                    n.path("raises_risk").asBoolean(false),
                    regex(required(n, "step_regex", where).asText(), where),
                    strings(n.path("must_not")),
                    required(n, "guidance", where).asText()));
        }
        for (JsonNode n : root.path("regions")) {
            List<String> match = strings(required(n, "match", w + "region")).stream()
                    .map(ClinicalRules::key)
                    .toList();
            Region r = new Region(
                    match,
                    regex(required(n, "triggers", w + "region " + match).asText(), w),
                    required(n, "signs", w + "region " + match).asText());
            for (String m : match) {
                if (regions.put(m, r) != null) {
                    throw new IllegalStateException(w + "region value '" + m + "' is listed twice");
                }
            }
        }
        for (RedFlag f : redFlags.values()) {
            if (!f.region().isEmpty() && !regions.containsKey(key(f.region()))) {
                throw new IllegalStateException(
                        w + "red flag " + f.id() + ": region '" + f.region() + "' has no safety net");
            }
        }
        for (Lookalike l : lookalikes.values()) {
            if (!l.region().isEmpty() && !regions.containsKey(key(l.region()))) {
                throw new IllegalStateException(
                        w + "look-alike " + l.id() + ": region '" + l.region() + "' has no safety net");
            }
        }
        fingerprint = sha256(text);
    }

    // ------------------------------------------------------------------ lookups

    public Optional<RedFlag> redFlag(String id) {
        return Optional.ofNullable(id == null ? null : redFlags.get(id));
    }

    public List<RedFlag> redFlags() {
        return List.copyOf(redFlags.values());
    }

    public java.util.Set<String> redFlagIds() {
        return java.util.Collections.unmodifiableSet(redFlags.keySet());
    }

    public Optional<ExamineFirst> examineFirst(String id) {
        return Optional.ofNullable(id == null ? null : examineFirst.get(id));
    }

    public List<ExamineFirst> examineFirstTriggers() {
        return List.copyOf(examineFirst.values());
    }

    public Optional<Lookalike> lookalike(String id) {
        return Optional.ofNullable(id == null ? null : lookalikes.get(id));
    }

    public List<Lookalike> lookalikes() {
        return List.copyOf(lookalikes.values());
    }

    /** The context whose match list contains a word of the plan value (e.g. "pregnant (second trimester)"). */
    public Optional<Context> context(String planValue) {
        if (planValue == null) {
            return Optional.empty();
        }
        String v = key(planValue);
        return contexts.stream()
                .filter(c -> c.match().stream().anyMatch(v::contains))
                .findFirst();
    }

    /** The safety-net region of a plan region value (body_region or tendon), if it has one. */
    public Optional<Region> region(String planValue) {
        return Optional.ofNullable(planValue == null ? null : regions.get(key(planValue)));
    }

    /** The classic-pattern id for a plan region value, if that region has one (3.3). */
    public Optional<String> classicPatternFor(String planValue) {
        return Optional.ofNullable(planValue == null ? null : classicByRegion.get(key(planValue)));
    }

    public Optional<String> classicPattern(String id) {
        return Optional.ofNullable(classicPatterns.get(id));
    }

    /** SHA-256 of the rule file: part of the prompt hash of plans that use {@code facts: clinical}. */
    public String fingerprint() {
        return fingerprint;
    }

    List<Pattern> urgencyPhrases(Urgency u) {
        return urgencyPhrases.getOrDefault(u, List.of());
    }

    Map<Urgency, List<Pattern>> proseEscalation() {
        return proseEscalation;
    }

    List<String> proseNegators() {
        return proseNegators;
    }

    List<String> negators() {
        return negators;
    }

    List<String> redFlagForbidden() {
        return redFlagForbidden;
    }

    List<String> medication() {
        return medication;
    }

    List<Pattern> rhabdoTriggers() {
        return rhabdoTriggers;
    }

    /** A named regex of the rule file; a missing key is a defect of the bundled file, never "no match". */
    Pattern regex(String key) {
        Pattern p = regexes.get(key);
        if (p == null) {
            throw new IllegalStateException(RESOURCE + " has no regex '" + key + "'");
        }
        return p;
    }

    // ------------------------------------------------------------------ parsing helpers

    static String key(String planValue) {
        return planValue.toLowerCase(Locale.ROOT).strip();
    }

    private static Urgency urgency(String s, String where) {
        Urgency u = Urgency.parse(s);
        if (u == null) {
            throw new IllegalStateException(where + ": unknown urgency '" + s + "'");
        }
        return u;
    }

    private static Scope scope(String s, String where) {
        for (Scope sc : Scope.values()) {
            if (sc.wireName().equals(s)) {
                return sc;
            }
        }
        throw new IllegalStateException(where + ": unknown scope '" + s + "' (whole_body, local)");
    }

    private static Pattern regex(String s, String where) {
        try {
            return Pattern.compile(s);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalStateException(where + ": bad regex " + s + ": " + e.getDescription());
        }
    }

    private static JsonNode required(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw new IllegalStateException(where + ": '" + field + "' is required");
        }
        return v;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isTextual()) { // YAML reads an unquoted no/yes/on/off as a boolean: quote such phrases
                throw new IllegalStateException(
                        RESOURCE + ": '" + v.asText() + "' in " + n + " must be a quoted string");
            }
            out.add(v.asText());
        }
        return List.copyOf(out);
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
