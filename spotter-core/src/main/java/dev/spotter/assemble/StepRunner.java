package dev.spotter.assemble;

import dev.spotter.assemble.BuildResult.StepRun;
import dev.spotter.kernel.Hashing;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the build's steps: reuses a cached step whose key and outputs match the state, otherwise runs it, records
 * its statistics and output hashes in the state, and measures it (wall time, CPU time of the running thread, heap
 * high-water mark of the JVM during the step). One log line per step. Not thread-safe: steps run one at a time.
 */
final class StepRunner {
    private final BuildState state;
    private final DatasetLayout layout;
    private final Consumer<String> log;
    private final List<StepRun> runs = new ArrayList<>();

    StepRunner(BuildState state, DatasetLayout layout, Consumer<String> log) {
        this.state = state;
        this.layout = layout;
        this.log = log;
    }

    /**
     * A cached step: reused when the state has {@code key} for {@code name} and the outputs are intact, else
     * {@code body} runs and must write exactly {@code outputs}.
     */
    <T extends StepStats> Step<T> cached(
            String name, String key, List<Path> outputs, Class<T> type, Supplier<? extends T> body) {
        Step<T> saved = state.reusable(name, key, layout, type);
        if (saved != null) {
            runs.add(new StepRun(name, false, 0, 0, 0, "unchanged"));
            log.accept(String.format(Locale.ROOT, "  %-22s reused (inputs unchanged)", name));
            return saved;
        }
        T stats = measure(name, body);
        return state.record(name, key, layout, outputs, stats);
    }

    /** A step that runs every time (nothing cached), measured like the others. */
    <T extends StepStats> T always(String name, Supplier<? extends T> body) {
        return measure(name, body);
    }

    private <T extends StepStats> T measure(String name, Supplier<? extends T> body) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
                .toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        T stats = body.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (cpuNanos() - c0) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean p : pools) {
            MemoryUsage u = p.getPeakUsage();
            peak += u == null ? 0 : u.getUsed();
        }
        String detail = stats.detail();
        runs.add(new StepRun(name, true, ms, cpu, peak, detail));
        log.accept(String.format(Locale.ROOT, "  %-22s ran    %s", name, detail));
        return stats;
    }

    private static long cpuNanos() {
        var t = ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : 0;
    }

    /** Every step in the order it ran or was reused. */
    List<StepRun> runs() {
        return List.copyOf(runs);
    }

    void saveState() {
        state.save();
    }

    /** A step key: SHA-256 over the parts' string forms, NUL-separated. */
    static String key(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(p).append('\u0000');
        }
        return Hashing.sha256Hex(sb.toString());
    }

    /** A settings record as JSON, for a step key. */
    static String json(Object settings) {
        try {
            return Jsonl.MAPPER.writeValueAsString(settings);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
