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
 * @param categorySidecar when set, {@code categoryField} is read from line N of a sidecar file next to each data
 *                      file: the data file's name with {@code .jsonl} replaced by this suffix (e.g.
 *                      {@code .provenance.jsonl}, what {@code spotter generate} writes; its data lines carry only
 *                      {@code messages}, as upload files must)
 * @param targets       category to target example count, in file order
 * @param plan          generation plan name ({@code generation} kind), else null
 * @param command       how to produce the data, shown when it is missing; null means the kind's default
 * @param preset        {@code synthetic-voice}: synthesizer preset (running-150, strength, cardio, mixed)
 * @param synthSeed     {@code synthetic-voice}: seed of the synthesizer; null means the project's seed
 * @param kb            {@code knowledge-base}: where the chunks come from and their quota policy, else null
 * @param maxRejectRate fraction of this source's read lines that may be rejected before the build fails (exit
 *                      1); null means the project's {@code quality.maxRejectRate}
 * @param chunkCategory {@code knowledge-base}: chunk id to quota category (resolved from the chunks at load);
 *                      the sidecar's chunk id is mapped through it, empty for other kinds
 * @param chunkText     {@code knowledge-base}: chunk id to the chunk's content, what the build checks each answer's
 *                      grounding against; empty for other kinds
 */
public record SourceSpec(
        String id,
        SourceKind kind,
        List<String> paths,
        String category,
        String categoryField,
        String categorySidecar,
        Map<String, Integer> targets,
        String plan,
        String command,
        String preset,
        Long synthSeed,
        Kb kb,
        Double maxRejectRate,
        Map<String, String> chunkCategory,
        Map<String, String> chunkText) {

    /**
     * Knowledge-base settings.
     *
     * @param dbUrlEnv NAME of the environment variable holding a Postgres/Supabase/SQLite URL (never the URL)
     * @param chunks   chunks JSONL written by {@code spotter kb export} (project-relative), or null
     * @param policy   quota policy YAML (kb-quota.yaml shape, project-relative), or null for the brief's quotas
     * @param table    table name in the database
     * @param columns  column mapping ({@code columns:}, field → column or JSON path), empty for the brief's shape
     * @param supabaseUrl    the project URL for reading through Supabase's REST API, or null
     * @param supabaseKeyEnv NAME of the environment variable holding the REST API key, or null
     * @param chunkCount chunks the targets were computed from; {@code chunkSource} says where they came from (it
     *     names the bundled sample when that was used)
     * @param chunkSha256 chunk id → {@code kb.KbPlan.sourceSha256} of the chunks the targets were computed from, to
     *     find examples whose chunk changed since they were generated
     */
    public record Kb(
            String dbUrlEnv,
            String chunks,
            String policy,
            String table,
            Map<String, String> columns,
            String supabaseUrl,
            String supabaseKeyEnv,
            int chunkCount,
            String chunkSource,
            Map<String, String> chunkSha256) {
        public Kb {
            columns = Map.copyOf(columns);
            chunkSha256 = Map.copyOf(chunkSha256);
        }

        /** True when the targets came from the bundled sample. */
        public boolean sample() {
            return chunkSource.startsWith("bundled");
        }
    }

    /**
     * True when {@code path} names Parquet: its last segment (a file, a glob, or a folder of part files as Spark and
     * other writers leave them) ends in {@code .parquet}. Only the distributed build reads Parquet
     * ({@code spotter-spark}); the embedded build refuses such a source ({@link #requireJsonl}).
     */
    public static boolean isParquetPath(String path) {
        String p = path.replace('\\', '/');
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
    }

    /** The paths of this source that name Parquet ({@link #isParquetPath}). */
    public List<String> parquetPaths() {
        return paths.stream().filter(SourceSpec::isParquetPath).toList();
    }

    /**
     * Fails with one line when a source of {@code project} names Parquet: the embedded build reads JSONL only (a
     * Parquet reader needs Hadoop's and Spark's jars), so it refuses before doing any work rather than reading the
     * file as broken lines or skipping it.
     */
    public static void requireJsonl(Project project) {
        project.sources().forEach(SourceSpec::requireJsonl);
    }

    /** Fails with one line when this source names Parquet (see {@link #requireJsonl(Project)}). */
    public void requireJsonl() {
        List<String> parquet = parquetPaths();
        if (!parquet.isEmpty()) {
            throw new dev.spotter.ConfigurationException("source '" + id + "': " + String.join(", ", parquet)
                    + " is Parquet: Parquet sources need the distributed build (scripts/spotter-spark build"
                    + " --project FILE); spotter build reads JSONL only");
        }
    }

    /** True when the build synthesizes this source itself (synthetic-voice without a user-supplied path). */
    public boolean synthesized() {
        return kind == SourceKind.SYNTHETIC_VOICE && paths.isEmpty();
    }

    public SourceSpec {
        paths = List.copyOf(paths);
        targets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(targets));
        chunkCategory = chunkCategory == null ? Map.of() : Map.copyOf(chunkCategory);
    }

    /** The sidecar file of a data file, or null when categories are in the data lines. */
    public java.nio.file.Path sidecar(java.nio.file.Path dataFile) {
        if (categorySidecar == null) {
            return null;
        }
        return dev.spotter.kernel.Sidecars.of(dataFile, categorySidecar);
    }

    /** Sum of this source's targets. */
    public int targetTotal() {
        return targets.values().stream().mapToInt(Integer::intValue).sum();
    }
}
