package dev.spotter.bench.voice;

import dev.spotter.voice.VoiceContext;
import dev.spotter.voice.VoiceParser;
import dev.spotter.voice.VoiceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain throughput harness for the voice parser's batch API (one thread, JVM start and catalog load excluded).
 * Input: utterances, one per line (bench/voice/run.sh makes them with synth-voice). Warms up, then runs timed
 * rounds over the whole list and prints utterances/s per round and the median. A checksum of the outputs
 * keeps the JIT from dropping work.
 */
public final class VoiceParseBench {
    // CPU time of this thread: on a shared machine wall time includes waiting for a core; both are printed.
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<String> texts = Files.readAllLines(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        boolean trace = args.length <= 2 || !args[2].equals("notrace");
        VoiceParser p = VoiceParser.builder().trace(trace).build();
        System.out.println("trace " + (trace ? "on" : "off") + ", " + texts.size() + " utterances");
        long sink = 0;
        for (int w = 0; w < 3; w++) {
            for (String t : texts) {
                sink += p.parse(t, VoiceContext.NONE).toJson().length();
            }
        }
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (VoiceResult res : p.parseAll(texts)) {
                sink += res.toJson().length();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
            double rate = texts.size() / cpu;
            rates.add(rate);
            System.out.printf(
                    "round %d: %d utterances, wall %.3f s (%,.0f/s), thread CPU %.3f s = %,.0f utterances/s"
                            + " per core (parse + toJson)%n",
                    r + 1, texts.size(), s, texts.size() / s, cpu, rate);
        }
        rates.sort(null);
        System.out.printf(
                "median %,.0f utterances/s per core (thread CPU), best %,.0f; checksum %d%n",
                rates.get(rates.size() / 2), rates.get(rates.size() - 1), sink);
    }
}
