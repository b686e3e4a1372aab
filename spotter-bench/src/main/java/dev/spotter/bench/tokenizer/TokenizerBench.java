// Java side of the tokenizer benchmark, run with the JDK's source launcher (see run.sh):
//   java -cp target/spotter.jar[:jtokkit.jar] bench/tokenizer/TokenizerBench.java <docs.jsonl> [seconds]
// Measures Spotter's Llama3Tokenizer and jtokkit 1.1.0 (same ranks, same pattern) on one thread after a warm-up
// pass; tokens/pass must be equal across all encoders (printed for comparison).

package dev.spotter.bench.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import dev.spotter.tokenizer.Llama3Tokenizer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

public final class TokenizerBench {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Llama3Tokenizer tok = Llama3Tokenizer.shared();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf("vocabulary load (cold, first call of Llama3Tokenizer.shared()): %.0f ms%n", loadMs);

        ObjectMapper om = new ObjectMapper();
        List<String> docs = Files.readAllLines(Path.of(args[0])).stream()
                .filter(l -> !l.isBlank())
                .map(l -> {
                    try {
                        return om.readTree(l).get("text").asText();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                })
                .toList();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        long bytes = docs.stream()
                .mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length)
                .sum();

        run("spotter Llama3Tokenizer.encode", docs, bytes, seconds, s -> tok.encode(s).length);
        run("spotter Llama3Tokenizer.count", docs, bytes, seconds, tok::count);
        long j0 = System.nanoTime();
        ToIntFunction<String> jt = jtokkit();
        System.out.printf("jtokkit registry with the same ranks built in %.0f ms%n", (System.nanoTime() - j0) / 1e6);
        run("jtokkit 1.1.0 countTokensOrdinary", docs, bytes, seconds, jt);
    }

    static void run(String name, List<String> docs, long bytes, double seconds, ToIntFunction<String> count) {
        long tokens = 0;
        for (String d : docs) {
            tokens += count.applyAsInt(d); // warm-up pass
        }
        int passes = 0;
        long sink = 0; // every result is used, so the JIT cannot drop the work
        long start = System.nanoTime();
        double elapsed;
        do {
            for (String d : docs) {
                sink += count.applyAsInt(d);
            }
            passes++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < seconds);
        System.out.printf(
                "%-34s %7.2f MiB/s  (%d passes, %d tokens/pass, checksum %d)%n",
                name, bytes * passes / 1048576.0 / elapsed, passes, tokens, sink);
    }

    /** jtokkit with Llama 3 ranks (read from Spotter's resource) and the same pattern. */
    static ToIntFunction<String> jtokkit() throws Exception {
        Map<byte[], Integer> ranks = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Llama3Tokenizer.class.getResourceAsStream("llama3-ranks.bin.gz"))) {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            in.transferTo(bo);
            byte[] raw = bo.toByteArray();
            int p = 8;
            for (int id = 0; id < 128000; id++) {
                int len = raw[p++] & 0xff;
                byte[] b = new byte[len];
                System.arraycopy(raw, p, b, 0, len);
                p += len;
                ranks.put(b, id);
            }
        }
        Pattern pat = Pattern.compile(
                "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
                Pattern.UNICODE_CHARACTER_CLASS);
        EncodingRegistry registry = Encodings.newDefaultEncodingRegistry();
        registry.registerGptBytePairEncoding(new GptBytePairEncodingParams("llama3", pat, ranks, Map.of()));
        Encoding enc = registry.getEncoding("llama3").orElseThrow();
        return enc::countTokensOrdinary;
    }
}
