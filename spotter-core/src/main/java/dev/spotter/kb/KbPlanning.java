package dev.spotter.kb;

import dev.spotter.kernel.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * From a knowledge-base source to what generation will be asked for, the same way for {@code kb quota},
 * {@code kb generate} (and its dry run), {@code kb coverage} and {@code spotter.yaml}'s targets:
 * load the chunks ({@link KbSource#load}), split long ones when asked ({@link KbSplitter}), lint them
 * ({@link KbLint}), and allocate quotas ({@link QuotaPolicy#allocate}) to every chunk that can have one. A chunk
 * left out (no category, unknown category, exact duplicate of an earlier chunk) is listed with its reason; one odd
 * row never fails the whole plan.
 *
 * @param loaded     what was read, and the rows rejected reading it
 * @param chunks     the chunks planned from (after splitting)
 * @param split      how many chunks were split into parts
 * @param lint       the findings
 * @param allocation the quotas and the excluded chunks
 */
public record KbPlanning(
        KbSource.Loaded loaded,
        List<KbChunk> chunks,
        int split,
        KbLint.Report lint,
        QuotaPolicy.Allocation allocation) {

    /** Settings of the preparation: the policy, the token limit per chunk and whether to split longer chunks. */
    public record Settings(QuotaPolicy policy, int maxChunkTokens, boolean splitLong) {
        public static Settings defaults() {
            return new Settings(QuotaPolicy.defaults(), KbLint.DEFAULT_MAX_TOKENS, false);
        }
    }

    public static KbPlanning prepare(KbSource source, Settings s) {
        KbSource.Loaded loaded = source.load();
        List<KbChunk> chunks = new ArrayList<>();
        int split = 0;
        KbSplitter splitter = s.splitLong() ? new KbSplitter(s.maxChunkTokens()) : null;
        for (KbChunk c : loaded.chunks()) {
            List<KbChunk> parts = splitter == null ? List.of(c) : splitter.split(c);
            split += parts.size() > 1 ? 1 : 0;
            chunks.addAll(parts);
        }
        KbLint.Report lint = KbLint.of(chunks, s.policy(), s.maxChunkTokens());
        Set<String> dups = lint.duplicates();
        List<KbChunk> plannable = new ArrayList<>();
        List<QuotaPolicy.Excluded> excluded = new ArrayList<>();
        for (KbChunk c : chunks) {
            if (dups.contains(c.id())) {
                String first = lint.findings().stream()
                        .filter(f ->
                                f.kind() == KbLint.Kind.DUPLICATE && f.chunkId().equals(c.id()))
                        .findFirst()
                        .orElseThrow()
                        .other();
                excluded.add(new QuotaPolicy.Excluded(c, "duplicate_content", "same content as chunk " + first));
            } else {
                plannable.add(c);
            }
        }
        QuotaPolicy.Allocation a = s.policy().allocate(plannable);
        excluded.addAll(a.excluded());
        return new KbPlanning(
                loaded, List.copyOf(chunks), split, lint, new QuotaPolicy.Allocation(a.quotas(), excluded));
    }

    public List<QuotaPolicy.ChunkQuota> quotas() {
        return allocation.quotas();
    }

    /** The first lines every planning command prints: the source (it says when it is the sample) and the counts. */
    public String header() {
        StringBuilder sb = new StringBuilder("chunks from ")
                .append(loaded.source().describe())
                .append(": ")
                .append(loaded.chunks().size())
                .append(" read");
        if (!loaded.rejects().isEmpty()) {
            sb.append(", ")
                    .append(loaded.rejects().size())
                    .append(" rows rejected (e.g. ")
                    .append(loaded.rejects().get(0))
                    .append("; kb export lists them)");
        }
        if (split > 0) {
            sb.append(", ")
                    .append(split)
                    .append(" long chunks split into parts (")
                    .append(chunks.size())
                    .append(" chunks)");
        }
        sb.append(", ").append(allocation.quotas().size()).append(" planned");
        if (!allocation.excluded().isEmpty()) {
            sb.append(", ").append(allocation.excluded().size()).append(" left out");
        }
        return sb.append('\n').toString();
    }

    /** One line per left-out chunk (up to {@code max}). */
    public String excludedText(int max) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (QuotaPolicy.Excluded e : allocation.excluded()) {
            if (n++ == max) {
                sb.append("  … and ").append(allocation.excluded().size() - max).append(" more\n");
                break;
            }
            sb.append("  left out ")
                    .append(e.chunk().id())
                    .append(": ")
                    .append(e.code())
                    .append(" (")
                    .append(e.reason())
                    .append(")\n");
        }
        return sb.toString();
    }

    /**
     * Writes the left-out chunks as quarantine records ({@code reason} = the code, the chunk's line in
     * {@code raw}); removes an older file when none was left out.
     */
    public void writeExcluded(Path file) throws IOException {
        try (Quarantine q = Quarantine.ofTable(file)) {
            long n = 0;
            for (QuotaPolicy.Excluded e : allocation.excluded()) {
                q.add(
                        ++n,
                        e.chunk().id(),
                        e.code(),
                        e.reason(),
                        Canonical.abbreviate(ChunkJsonl.toLine(e.chunk()), 2000));
            }
        }
    }

    /** Writes the lint findings as JSONL (one object per finding). */
    public static void writeLint(KbLint.Report lint, Path file) throws IOException {
        try (AtomicFile f = AtomicFile.open(file)) {
            for (KbLint.Finding x : lint.findings()) {
                f.line(x.json().toString());
            }
            f.commit();
        }
    }
}
