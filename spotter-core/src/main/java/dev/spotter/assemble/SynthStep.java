package dev.spotter.assemble;

import dev.spotter.format.ChatJson;
import dev.spotter.project.Project;
import dev.spotter.project.SourceSpec;
import dev.spotter.voice.VoiceParser;
import dev.spotter.voice.synth.SynthPreset;
import dev.spotter.voice.synth.VoiceSynth;
import java.nio.file.Path;
import java.util.List;

/**
 * Synthesizes a {@code synthetic-voice} source in-process with the voice area's {@link VoiceSynth}: batches of
 * {@code target} examples with seeds seed, seed+1, ... (seed = the source's, else the project's); an example is
 * kept only when the {@link Deduplicator} (the project's dedup settings, the dedup step's algorithm) finds it
 * neither an exact nor a near duplicate of one already kept, nor of an accepted example of a source before it in
 * spotter.yaml, until {@code target} are kept. The dedup step keeps the first occurrence in that same order with the
 * same measure, so it drops none of them: the source meets its target after the build's dedup (one measure, not
 * two: the synthesizer's own near-duplicate figure in {@code spotter synth-voice} is within its output only).
 * Cached by key (preset, seed, target, dedup settings, algorithm, the earlier sources' accepted files): an unchanged
 * source is not synthesized again. Memory: the deduplicator over the earlier sources' examples and at most
 * {@code target} kept ones.
 */
final class SynthStep {
    /** Examples the synthesizer may draw (in batches of the target, seed, seed+1, ...) before giving up. */
    static final int MAX_BATCHES = 20;

    private SynthStep() {}

    /** The seed a synthesized source starts from. */
    static long seed(Project project, SourceSpec s) {
        return s.synthSeed() == null ? project.seed() : s.synthSeed();
    }

    /** @param earlier the ingest steps of the sources before {@code s}, in spotter.yaml order */
    static Step<SynthStats> run(BuildContext b, SourceSpec s, List<Step<IngestStats>> earlier) {
        Path file = b.layout().synthesized(s.id());
        long seed = seed(b.project(), s);
        int target = s.targetTotal();
        Project.Dedup d = b.project().dedup();
        List<SourceSpec> sources = b.project().sources();
        StringBuilder before = new StringBuilder();
        long expected = target * 2L;
        for (int i = 0; i < earlier.size(); i++) {
            before.append(earlier.get(i)
                            .hash(b.layout(), b.layout().accepted(sources.get(i).id())))
                    .append(';');
            expected += earlier.get(i).stats().accepted();
        }
        String key = StepRunner.key(
                "synth", BuildContext.ALGO, s.preset(), seed, target, StepRunner.json(d), "before=" + before);
        int exp = (int) Math.min(Integer.MAX_VALUE / 64, Math.max(16, expected));
        return b.runner().cached("synth:" + s.id(), key, List.of(file), SynthStats.class, () -> {
            VoiceSynth.Kind kind = SynthPreset.of(s.preset()).kind();
            Deduplicator dedup = new Deduplicator(d, exp);
            for (int i = 0; i < earlier.size(); i++) {
                Jsonl.lines(
                        b.layout().accepted(sources.get(i).id()),
                        line -> dedup.offer(ChatJson.fromNode(Jsonl.parse(line))));
            }
            long[] c = new long[3]; // kept, drawn, batches
            VoiceSynth synth = new VoiceSynth(VoiceParser.defaults());
            try (Jsonl.Out w = new Jsonl.Out(file)) {
                while (c[0] < target && c[2] < MAX_BATCHES) {
                    synth.generate(target, seed + c[2], kind, ex -> {
                        if (c[0] >= target) {
                            return;
                        }
                        c[1]++;
                        if (dedup.offer(ex).kind() == Deduplicator.Kind.KEPT) {
                            w.line(ChatJson.toJsonLine(ex));
                            c[0]++;
                        }
                    });
                    c[2]++;
                }
                w.commit();
            }
            return new SynthStats(s.preset(), seed, target, c[0], c[1], c[2], SynthStats.RULE);
        });
    }
}
