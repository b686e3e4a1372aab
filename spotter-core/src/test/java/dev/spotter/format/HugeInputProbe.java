package dev.spotter.format;

import java.nio.file.Path;

/**
 * Child-JVM entry point for {@link HugeInputTest}: validates args[0] with the default limits, quarantines to
 * args[1], prints "read accepted rejected reasons maxHeapMiB". Run under a small -Xmx to prove bounded memory.
 */
public final class HugeInputProbe {
    public static void main(String[] args) throws Exception {
        ChatValidator v =
                ChatValidator.builder().tokenCounter(FakeTokens.INSTANCE).build();
        ValidationSummary s;
        long[] accepted = {0};
        try (QuarantineWriter q = QuarantineWriter.to(Path.of(args[1]))) {
            s = v.validate(Path.of(args[0]), a -> accepted[0]++, q);
        }
        System.out.println(s.read() + " " + s.accepted() + " " + s.rejected() + " " + s.reasons() + " "
                + (Runtime.getRuntime().maxMemory() >> 20));
    }
}
