package dev.spotter.assemble;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.spotter.project.ExampleTokenCounter;
import dev.spotter.project.Inventory;
import dev.spotter.project.Project;
import dev.spotter.project.SourceKind;
import dev.spotter.project.SourceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a build produced, as {@code summary.json} shows it (Jackson databind, in component order): the project's
 * settings, per source what was read, and each step's record. The dataset card and the HTML report are rendered
 * from this alone, so they are deterministic. Same inputs and seed give an equal summary.
 *
 * @param tokensExact   true when tokens are counted with the Llama 3 tokenizer (else estimated)
 * @param sources       per source, in spotter.yaml order
 * @param rejectReasons reject reason code to count over all sources, sorted by code
 * @param dedup         the dedup step
 * @param pii           the PII scrub step
 * @param split         the split and leakage check
 * @param output        the upload files written
 * @param inventory     the examples in the dataset against the targets, after dedup
 * @param accounting    the check that every line read is in exactly one output
 * @param trainer       per export target, the examples its trainer would learn nothing from, truncate, or read
 *                      with a second BOS or a control token from content ({@link TrainerCheckStep})
 * @param stateDir      where the quarantine, the dedup and leakage logs and the step state are, relative to the
 *                      dataset folder (they are kept out of it: they hold lines before the PII scrub)
 * @param review        per reviewed source, what the review gate let through and each batch's state (left out of
 *                      the JSON when no source is reviewed)
 */
public record BuildSummary(
        String name,
        String description,
        String license,
        long seed,
        int tokenLimit,
        String tokenMethod,
        boolean tokensExact,
        List<Source> sources,
        Map<String, Long> rejectReasons,
        DedupStats dedup,
        ScrubStats pii,
        SplitStats split,
        WriteStats output,
        Inventory inventory,
        AccountingStats accounting,
        TrainerStats trainer,
        String stateDir,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReviewStats> review) {

    /**
     * One source: its files and what ingest read. The reject rate is rejected ÷ read lines; the build fails (exit 1)
     * when it exceeds {@code maxRejectRate} (the source's, else the project's {@code quality.maxRejectRate}).
     *
     * @param plan     the generation plan, or null (left out of the JSON) for other kinds
     * @param files    the source's files that exist (project-relative), or the synthesizer's label
     * @param missing  the source's files that do not exist
     * @param reasons  reject reason code to count, sorted by code
     * @param firstErrors the first 10 rejects as {@code file:line: reason (detail)}
     * @param rejectRate  rounded to 6 decimals
     */
    public record Source(
            String id,
            SourceKind kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) String plan,
            List<String> files,
            List<String> missing,
            long read,
            long accepted,
            long rejected,
            Map<String, Long> reasons,
            List<String> firstErrors,
            double rejectRate,
            double maxRejectRate,
            boolean rejectRateExceeded) {

        public Source {
            files = List.copyOf(files);
            missing = List.copyOf(missing);
            reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
            firstErrors = List.copyOf(firstErrors);
        }
    }

    public BuildSummary {
        sources = List.copyOf(sources);
        rejectReasons = Collections.unmodifiableMap(new LinkedHashMap<>(rejectReasons));
        review = review == null ? List.of() : List.copyOf(review);
    }

    /** Lines of reviewed sources the build held back because their review is not finished. */
    public long pendingReview() {
        return review.stream().mapToLong(ReviewStats::pending).sum();
    }

    /** Input lines rejected over all sources (they are in the quarantine file). */
    public long rejected() {
        return sources.stream().mapToLong(Source::rejected).sum();
    }

    /** The summary as {@code summary.json} holds it: pretty-printed JSON with a final newline. */
    public String toJson() {
        try {
            return Jsonl.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the build summary: " + e.getMessage(), e);
        }
    }

    /** The summary of one build from its steps' records. */
    static BuildSummary of(
            Project project,
            ExampleTokenCounter tokens,
            List<IngestStats> ingests,
            DedupStats dedup,
            ScrubStats pii,
            SplitStats split,
            WriteStats output,
            Inventory inventory,
            AccountingStats accounting,
            TrainerStats trainer,
            String stateDir) {
        List<Source> sources = new ArrayList<>();
        List<ReviewStats> review = new ArrayList<>();
        Map<String, Long> reasons = new TreeMap<>();
        for (int i = 0; i < ingests.size(); i++) {
            SourceSpec spec = project.sources().get(i);
            IngestStats st = ingests.get(i);
            double rate = st.read() == 0 ? 0 : st.rejected() / (double) st.read();
            double limit = spec.maxRejectRate() != null
                    ? spec.maxRejectRate()
                    : project.quality().maxRejectRate();
            sources.add(new Source(
                    spec.id(),
                    spec.kind(),
                    spec.plan(),
                    st.files(),
                    st.missing(),
                    st.read(),
                    st.accepted(),
                    st.rejected(),
                    st.reasons(),
                    st.firstErrors(),
                    Math.round(rate * 1e6) / 1e6,
                    limit,
                    rate > limit));
            st.reasons().forEach((k, v) -> reasons.merge(k, v, Long::sum));
            if (st.review() != null) {
                review.add(st.review());
            }
        }
        return new BuildSummary(
                project.name(),
                project.description(),
                project.license(),
                project.seed(),
                project.tokenLimit(),
                tokens.describe(),
                tokens.exact(),
                sources,
                reasons,
                dedup,
                pii,
                split,
                output,
                inventory,
                accounting,
                trainer,
                stateDir,
                review);
    }
}
