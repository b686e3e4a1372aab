package dev.spotter.bench.voice;

import dev.spotter.format.ChatExample;
import dev.spotter.format.Role;
import dev.spotter.voice.VoiceParser;
import dev.spotter.voice.VoiceResult;
import dev.spotter.voice.synth.VoiceSynth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Voice parser throughput on its batch API, one thread: 20,000 mixed synthetic utterances (the last user turn of
 * {@code synth-voice --count 20000 --seed 1 --kind mixed}), parsed and rendered as contract JSON, with the reasoning
 * trace off and on. The score is utterances per second ({@link OperationsPerInvocation} = one batch).
 *
 * <pre>{@code
 * java -jar spotter-bench/target/spotter-bench.jar VoiceParserBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class VoiceParserBenchmark {
    static final int UTTERANCES = 20_000;

    @Param({"false", "true"})
    public boolean trace;

    private VoiceParser parser;
    private List<String> texts;

    @Setup
    public void setup() {
        List<String> t = new ArrayList<>(UTTERANCES);
        new VoiceSynth(VoiceParser.defaults())
                .generate(
                        UTTERANCES,
                        1,
                        VoiceSynth.Kind.MIXED,
                        (ChatExample ex) ->
                                t.add(ex.last(Role.USER).orElseThrow().content()));
        texts = List.copyOf(t);
        parser = VoiceParser.builder().trace(trace).build();
    }

    @Benchmark
    @OperationsPerInvocation(UTTERANCES)
    public void parseAll(Blackhole bh) {
        for (VoiceResult r : parser.parseAll(texts)) {
            bh.consume(r.toJson());
        }
    }
}
