package dev.spotter.bench.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.tokenizer.Llama3Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tokenizer throughput on one thread over the reference corpus that the tokenizer tests check against tiktoken
 * (1,351 varied texts: workout logs, chat JSON, prose, code, 9 languages, emoji). One operation is one pass over
 * the corpus; {@link #corpusBytes()} converts passes/s to MiB/s. The cross-language comparison (JavaScript
 * encoders on the same text in the same run) stays in {@code bench/tokenizer/run.sh}.
 *
 * <pre>{@code
 * java -jar spotter-bench/target/spotter-bench.jar TokenizerBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenizerBenchmark {
    private Llama3Tokenizer tokenizer;
    private List<String> texts;

    @Setup
    public void setup() throws IOException {
        tokenizer = Llama3Tokenizer.shared();
        texts = corpus();
    }

    /** The corpus texts, read from the core test jar's {@code reference.jsonl}. */
    static List<String> corpus() throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                        Llama3Tokenizer.class.getResourceAsStream("reference.jsonl"),
                        "reference.jsonl on the class path");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode n = om.readTree(line);
                    out.add(n.get("text").asText());
                }
            }
        }
        return List.copyOf(out);
    }

    /** UTF-8 bytes in one pass, for converting the score to MiB/s. */
    public static long corpusBytes() throws IOException {
        long b = 0;
        for (String t : corpus()) {
            b += t.getBytes(StandardCharsets.UTF_8).length;
        }
        return b;
    }

    @Benchmark
    public long encode() {
        long n = 0;
        for (String t : texts) {
            n += tokenizer.encode(t).length;
        }
        return n;
    }

    @Benchmark
    public long count() {
        long n = 0;
        for (String t : texts) {
            n += tokenizer.count(t);
        }
        return n;
    }
}
