package dev.spotter.project;

import java.util.List;
import java.util.Map;

/**
 * One source of examples in spotter.yaml.
 *
 * @param id            short unique name (used in provenance, e.g. {@code voice:17})
 * @param kind          how the source is produced and located
 * @param paths         JSONL files or glob patterns relative to the project file (what the kind produces/reads)
 * @param category      the category of every example, or null when {@code categoryField} decides
 * @param categoryField dotted field in each JSONL record naming its category (e.g. {@code metadata.category})
 * @param targets       category to target example count, in file order
 * @param plan          generation plan name ({@code generation} kind), else null
 * @param command       how to produce the data, shown when it is missing; null means the kind's default
 */
public record SourceSpec(
        String id,
        SourceKind kind,
        List<String> paths,
        String category,
        String categoryField,
        Map<String, Integer> targets,
        String plan,
        String command) {

    public SourceSpec {
        paths = List.copyOf(paths);
        targets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(targets));
    }

    /** Sum of this source's targets. */
    public int targetTotal() {
        return targets.values().stream().mapToInt(Integer::intValue).sum();
    }
}
