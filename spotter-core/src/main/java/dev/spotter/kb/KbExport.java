package dev.spotter.kb;

import dev.spotter.DataSourceException;
import dev.spotter.kernel.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Writes a knowledge base to chunks JSONL ({@link ChunkJsonl}), streaming: memory does not depend on the number
 * of rows (the lint's index aside: about 350 bytes per chunk, see {@link KbLint}). The output appears atomically
 * ({@link AtomicFile}, with the permissions the umask gives any new file), so a failed export never leaves a
 * half-written file under the requested name. Rows that cannot be exported go to the quarantine with their reason.
 */
public final class KbExport {
    private KbExport() {}

    /**
     * What one export did. {@code written} counts output lines: the accepted rows, or more when long chunks were
     * split ({@code split} of them).
     */
    public record Result(KbReader.Stats stats, long written, long split, KbLint.Report lint) {}

    /** Exports {@code reader}'s rows (all, or one {@code category}) to {@code out}, without lint or splitting. */
    public static KbReader.Stats toFile(KbReader reader, String category, Path out, Path quarantine) {
        String k = category == null ? null : Categories.key(category);
        return toFile(
                        new KbSource.Table(reader),
                        k == null ? c -> true : c -> k.equals(Categories.key(c)),
                        out,
                        quarantine,
                        null,
                        null)
                .stats();
    }

    /**
     * Exports {@code source}'s rows whose category {@code wanted} accepts to {@code out}. Each kept chunk is offered
     * to {@code lint} (may be null) as exported; with a {@code splitter} (may be null) a chunk over its limit is
     * written as its parts.
     */
    public static Result toFile(
            KbSource source, Predicate<String> wanted, Path out, Path quarantine, KbLint lint, KbSplitter splitter) {
        long[] written = new long[2];
        try (AtomicFile w = AtomicFile.open(out)) {
            KbReader.Stats stats;
            try (Quarantine q = Quarantine.ofTable(quarantine)) {
                stats = source.read(wanted, new KbReader.Sink() {
                    @Override
                    public void accept(KbChunk chunk) throws IOException {
                        var parts = splitter == null ? java.util.List.of(chunk) : splitter.split(chunk);
                        if (parts.size() > 1) {
                            written[1]++;
                        }
                        for (KbChunk c : parts) {
                            w.line(ChunkJsonl.toLine(c));
                            written[0]++;
                            if (lint != null) {
                                lint.offer(c);
                            }
                        }
                    }

                    @Override
                    public void reject(long row, String id, String reason) throws IOException {
                        q.add(row, id, "invalid_row", reason, null);
                    }
                });
            }
            w.commit();
            return new Result(stats, written[0], written[1], lint == null ? null : lint.report());
        } catch (IOException e) {
            throw new DataSourceException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new DataSourceException(e.getCause().getMessage(), e);
        }
    }
}
