package dev.spotter.assemble;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.project.ExampleTokenCounter;
import dev.spotter.project.Project;
import dev.spotter.project.SourceRecord;
import dev.spotter.project.SourceSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The build's decisions as functions of one record or of one group of records, for an engine that runs them on
 * partitions (the {@code spotter-spark} module). Each is the function the embedded step calls, not a copy of it,
 * so an engine that applies them in the right order writes the embedded build's bytes:
 *
 * <ul>
 *   <li>per record: the ingest lines ({@link #acceptedLine}, {@link #quarantineLine}), the dedup keys
 *       ({@link Dedup#keys}), the PII scrub ({@link Scrub#scrub}), the split keys ({@link Split#keys},
 *       {@link Split#randomKey});
 *   <li>per group: the keep-first dedup rule ({@link Dedup#replay}), the split's near-duplicate groups
 *       ({@link Split#groups}) and its leakage check ({@link Split#leakage}), each over one connected component of
 *       records linked by a shared key, in global order (source, file, line);
 *   <li>on the driver: {@link UploadWriter}, {@link #accounting}, {@link Split#validationCount}.
 * </ul>
 *
 * <p>Why components are enough: the embedded rules only ever compare a record with records that share one of its
 * keys (the same exact hash, or the same band bucket), so a record's fate depends only on the records of its
 * connected component in the graph "shares a key", and replaying the embedded rule inside each component in
 * global order gives each record the embedded verdict. Merging components never changes a verdict (a key collision
 * only makes a component bigger). Objects of the nested classes are cheap to build: build one per partition.
 */
public final class EngineFunctions {
    private EngineFunctions() {}

    /** The build's internal line for an accepted example (id, src, cat, file, line, tok, messages). */
    public static String acceptedLine(SourceRecord r) {
        return IngestStep.internal(r).toString();
    }

    /** The quarantine line of a rejected input line (no newline), as the {@link QuarantineWriter} writes it. */
    public static String quarantineLine(SourceRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (QuarantineWriter q = QuarantineWriter.to(bytes)) {
            q.write(IngestStep.quarantineRecord(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String s = bytes.toString(StandardCharsets.UTF_8);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The sink the ingest of {@code source} must scan into: the embedded build's grounding gate for
     * knowledge-base sources (an ungrounded answer is quarantined), else {@code sink} itself.
     */
    public static Consumer<SourceRecord> ingestSink(SourceSpec source, Consumer<SourceRecord> sink) {
        return GroundingGate.wrap(source, sink);
    }

    /**
     * Fails when the project has a source under human review: the review gate reads a local decisions database
     * the executors cannot share, so the distributed build refuses rather than ship unreviewed examples.
     */
    public static void requireNoReview(Project project) {
        List<String> reviewed = dev.spotter.project.ReviewSettings.files(project).stream()
                .map(f -> f.sourceId())
                .toList();
        if (!reviewed.isEmpty()) {
            throw new dev.spotter.ConfigurationException("the distributed build does not apply human review yet;"
                    + " sources under review: " + String.join(", ", reviewed) + " (build them with spotter build)");
        }
    }

    /** {@code hash64} of a record's id: the accounting checksum adds these. */
    public static long idHash(SourceRecord r) {
        return Text.hash64(r.id());
    }

    /**
     * Synthesizes a {@code synthetic-voice} source as the embedded build does (cached in {@code layout}'s state) and
     * returns the file to scan and its provenance label (without the earlier sources: see {@link SynthStep}).
     */
    public static Synthesized synthesize(
            Project project, DatasetLayout layout, SourceSpec source, Consumer<String> log) {
        try {
            Files.createDirectories(layout.stateDir());
        } catch (IOException e) {
            throw Jsonl.unchecked("create", layout.stateDir(), e);
        }
        StepRunner runner = new StepRunner(BuildState.load(layout.stateFile()), layout, log);
        BuildContext b = new BuildContext(project, layout, ExampleTokenCounter.llama3(), List.of(), runner);
        // the scale-out engine has no earlier sources' accepted files here: the synthesizer dedups within itself
        // only, so a synthesized example the embedded build would redraw can be dropped by the engine's dedup
        SynthStep.run(b, source, List.of());
        runner.saveState();
        return new Synthesized(layout.synthesized(source.id()), IngestStep.synthLabel(project, source));
    }

    /** A synthesized source's file and the label its provenance names. */
    public record Synthesized(Path file, String label) {}

    /** Checks the written files against what was read (the embedded accounting step's check). */
    public static AccountingStats accounting(DatasetLayout layout, List<FormatWriter> writers, long read, long idSum) {
        return AccountingStep.check(layout, writers, read, idSum);
    }

    /** Parses the build's internal line into its example. */
    public static ChatExample example(String internalLine) {
        return ChatJson.fromNode(Jsonl.parse(internalLine));
    }

    /** The {@code id} of a build's internal line. */
    public static String id(String internalLine) {
        return Jsonl.parse(internalLine).get("id").asText();
    }

    /** The split stratum of a build's internal line: its source and category, NUL-separated. */
    public static String stratum(String internalLine) {
        var rec = Jsonl.parse(internalLine);
        return rec.get("src").asText() + "\u0000" + rec.get("cat").asText();
    }

    /** The keep-first exact + near dedup of the {@link Deduplicator}. */
    public static final class Dedup {
        private final Project.Dedup settings;
        private final MinHasher hasher;
        private final NearDupIndex bands;

        public Dedup(Project.Dedup settings) {
            this.settings = settings;
            this.hasher = newHasher(settings);
            this.bands = new NearDupIndex(settings.permutations(), settings.threshold(), 16);
        }

        /**
         * The keys that link a record to every record the embedded rule could compare it with: its exact hash
         * ({@code hash64(exactKey)}) and one key per LSH band: the 32-bit key alone, without the band number,
         * because {@link NearDupIndex} keeps one bucket table for all bands (a key of band 3 and the same key of
         * band 7 share a bucket; linking by (band, key) missed those and differed from the embedded pass on 100k
         * generated examples). Records sharing none of these keys never meet in the embedded build.
         */
        public long[] keys(ChatExample ex) {
            long[] sig = hasher.signature(Text.nearKey(ex));
            long[] k = new long[bands.bands() + 1];
            k[0] = Text.hash64(Text.exactKey(ex));
            for (int b = 0; b < bands.bands(); b++) {
                k[b + 1] = Integer.toUnsignedLong(bands.bandKey(sig, b)); // see keys()
            }
            return k;
        }

        /**
         * The embedded verdicts for one component's records, given in global order: each is kept, or an exact or
         * near duplicate of the kept record at index {@link Verdict#of} of the same list.
         */
        public List<Verdict> replay(List<ChatExample> inOrder) {
            Deduplicator d = new Deduplicator(settings, Math.max(16, inOrder.size()));
            List<Integer> keptAt = new ArrayList<>(); // kept ordinal -> list index
            List<Verdict> out = new ArrayList<>(inOrder.size());
            for (int i = 0; i < inOrder.size(); i++) {
                Deduplicator.Verdict v = d.offer(inOrder.get(i));
                if (v.kind() == Deduplicator.Kind.KEPT) {
                    keptAt.add(i);
                    out.add(new Verdict(Verdict.KEPT, i, 1.0));
                } else {
                    int kind = v.kind() == Deduplicator.Kind.EXACT ? Verdict.EXACT : Verdict.NEAR;
                    out.add(new Verdict(kind, keptAt.get(v.ordinal()), v.similarity()));
                }
            }
            return out;
        }

        /** The dedup log's line for a dropped record ({@code acceptedLine}) of the kept record {@code keptId}. */
        public static String logLine(String acceptedLine, boolean exact, String keptId, double similarity) {
            return DedupStep.logLine(Jsonl.parse(acceptedLine), exact, keptId, similarity);
        }
    }

    /**
     * A dedup or split verdict.
     *
     * @param kind       {@link #KEPT}, {@link #EXACT} or {@link #NEAR}
     * @param of         index (in the replayed list) of the kept record: its own for KEPT
     * @param similarity estimated Jaccard similarity to it (1 for KEPT and EXACT)
     */
    public record Verdict(int kind, int of, double similarity) {
        public static final int KEPT = 0;
        public static final int EXACT = 1;
        public static final int NEAR = 2;
    }

    /** The PII scrub of the scrub step. */
    public static final class Scrub {
        private final Project.Pii pii;
        private final PiiScrubber scrubber;

        private final ExampleTokenCounter tokens;

        public Scrub(Project.Pii pii) {
            this(pii, ExampleTokenCounter.llama3());
        }

        /** With the counter that recounts a rewritten example's tokens (the build's). */
        public Scrub(Project.Pii pii, ExampleTokenCounter tokens) {
            this.pii = pii;
            this.scrubber = pii.enabled() ? PiiScrubber.of(pii.types()) : new PiiScrubber(List.of());
            this.tokens = tokens;
        }

        /**
         * The scrubbed line: {@code keptLine} byte for byte when nothing was found, else rewritten with {@code pii}
         * and its tokens counted again.
         */
        public String scrub(String keptLine) {
            return ScrubStep.scrub(scrubber, pii.roles(), keptLine, tokens).line();
        }
    }

    /** The split step's grouping, keys and leakage check. */
    public static final class Split {
        private final Project.Split split;
        private final Project.Dedup dedup;
        private final long seed;
        private final MinHasher hasher;
        private final NearDupIndex bands;

        public Split(Project.Split split, Project.Dedup dedup, long seed) {
            this.split = split;
            this.dedup = dedup;
            this.seed = seed;
            this.hasher = newHasher(dedup);
            this.bands = new NearDupIndex(dedup.permutations(), dedup.leakageThreshold(), 16);
        }

        /** One key per band at the leakage threshold: records sharing none are never grouped or compared. */
        public long[] keys(ChatExample ex) {
            long[] sig = hasher.signature(Text.nearKey(ex));
            long[] k = new long[bands.bands()];
            for (int b = 0; b < k.length; b++) {
                k[b] = Integer.toUnsignedLong(bands.bandKey(sig, b)); // see Dedup.keys()
            }
            return k;
        }

        /** The record's content-derived random key, {@code fmix64(seed ^ hash64(exactKey))}. */
        public long randomKey(ChatExample ex) {
            return SplitStep.key(seed, ex);
        }

        /** For one component's records in global order: the index of each record's group root (its own if none). */
        public int[] groups(List<ChatExample> inOrder) {
            SplitStep.Grouping g = new SplitStep.Grouping(dedup, Math.max(16, inOrder.size()));
            int[] root = new int[inOrder.size()];
            for (int i = 0; i < root.length; i++) {
                root[i] = g.offer(i, hasher.signature(Text.nearKey(inOrder.get(i))));
            }
            return root;
        }

        /** Records of a stratum of {@code size} that go to validation. */
        public int validationCount(int size) {
            return SplitStep.validationCount(split, size);
        }

        /**
         * The leakage check over one component's records in global order with their pass-1 assignment
         * ({@code validation}, updated): the validation records moved to train, in the order the embedded build
         * logs them within this component (sort all components' moves by (pass, global order) for the log).
         */
        public List<Move> leakage(List<ChatExample> inOrder, boolean[] validation) {
            List<long[]> sigs = new ArrayList<>(inOrder.size());
            for (ChatExample ex : inOrder) {
                sigs.add(hasher.signature(Text.nearKey(ex)));
            }
            List<Move> moves = new ArrayList<>();
            SplitStep.leakage(
                    dedup,
                    inOrder.size(),
                    validation,
                    (want, sink) -> {
                        for (int i = 0; i < sigs.size(); i++) {
                            if (want.test(i)) {
                                sink.accept(i, sigs.get(i));
                            }
                        }
                    },
                    m -> moves.add(new Move(m.record(), m.similarTo(), m.similarity(), m.pass())));
            return moves;
        }

        /** The leakage log's line for a validation example moved to train. */
        public static String moveLine(String id, String similarTo, double similarity) {
            return SplitStep.moveLine(id, similarTo, similarity);
        }
    }

    /**
     * A validation record (index {@code record} in the replayed list) moved to train in pass {@code pass}, because
     * of the train record at index {@code similarTo}.
     */
    public record Move(int record, int similarTo, double similarity, int pass) {}

    private static MinHasher newHasher(Project.Dedup d) {
        return new MinHasher(d.permutations(), d.shingle().equals("word"), d.shingleSize());
    }
}
