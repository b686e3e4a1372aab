package dev.spotter.checks;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the injury checker knows about the scenario an answer was written for: the category's expectations and
 * the slot's attributes (from the plan). The attributes the clinical rules read are
 * <ul>
 *   <li>{@code red_flag}: a red-flag id of {@code clinical-rules.yaml} (value {@code none} = no flag);</li>
 *   <li>{@code examine_first}: an examine-first trigger id ({@code none} = none);</li>
 *   <li>{@code lookalike}: a DOMS look-alike id ({@code none} = none);</li>
 *   <li>{@code context}: the context text of the context-dependent category;</li>
 *   <li>{@code body_region} or {@code tendon}: the region whose safety net applies;</li>
 *   <li>{@code picture}: {@code classic} marks a textbook presentation (higher confidence allowed).</li>
 * </ul>
 * Other attributes are ignored. A red-flag id that is not in the rule set makes the answer fail
 * ({@code rf_unknown_flag}): a scenario the checker cannot read never passes.
 *
 * @param userMessages the user turns of the conversation (empty when unknown): story checks read them
 */
public record Scenario(Set<InjuryExpectation> expect, Map<String, String> attributes, List<String> userMessages) {
    public static final Scenario NONE = new Scenario(Set.of(), Map.of(), List.of());

    public Scenario {
        expect = expect.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(expect));
        attributes = Map.copyOf(attributes);
        userMessages = List.copyOf(userMessages);
    }

    public static Scenario of(Set<InjuryExpectation> expect) {
        return new Scenario(expect, Map.of(), List.of());
    }

    public static Scenario of(Set<InjuryExpectation> expect, Map<String, String> attributes) {
        return new Scenario(expect, attributes, List.of());
    }

    public Scenario withUserMessages(List<String> users) {
        return new Scenario(expect, attributes, users);
    }

    /** An attribute value, empty when absent, blank or {@code none}. */
    public Optional<String> attribute(String name) {
        String v = attributes.get(name);
        return v == null || v.isBlank() || v.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(v.strip());
    }

    public boolean expects(InjuryExpectation e) {
        return expect.contains(e);
    }

    /**
     * The region value: body_region, else tendon, else the region of the scenario's red flag or look-alike (a
     * conversation about a flag has no sampled region).
     */
    public Optional<String> region() {
        ClinicalRules rules = ClinicalRules.get();
        return attribute("body_region")
                .or(() -> attribute("tendon"))
                .or(() -> attribute("lookalike").flatMap(rules::lookalike).map(ClinicalRules.Lookalike::region))
                .or(() -> redFlagId().flatMap(rules::redFlag).map(ClinicalRules.RedFlag::region))
                .filter(r -> !r.isEmpty());
    }

    public boolean classic() {
        return attribute("picture").map(p -> p.equalsIgnoreCase("classic")).orElse(false);
    }

    /**
     * The red flag this scenario is about: the {@code red_flag} attribute, else the red flag an examine-first
     * trigger or a look-alike routes to. Empty when none; an id the rule set does not know is returned as is.
     */
    public Optional<String> redFlagId() {
        ClinicalRules rules = ClinicalRules.get();
        return attribute("red_flag")
                .or(() -> attribute("examine_first")
                        .flatMap(rules::examineFirst)
                        .map(ClinicalRules.ExamineFirst::routesTo)
                        .filter(s -> !s.isEmpty()))
                .or(() -> attribute("lookalike")
                        .flatMap(rules::lookalike)
                        .map(ClinicalRules.Lookalike::routesTo)
                        .filter(rules.redFlagIds()::contains));
    }

    /** The examine-first trigger that applies (not routed to a red flag), directly or through a look-alike. */
    public Optional<ClinicalRules.ExamineFirst> examineFirst() {
        ClinicalRules rules = ClinicalRules.get();
        return attribute("examine_first")
                .or(() -> attribute("lookalike").flatMap(rules::lookalike).map(ClinicalRules.Lookalike::routesTo))
                .flatMap(rules::examineFirst)
                .filter(e -> e.routesTo().isEmpty());
    }
}
