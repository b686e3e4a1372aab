package dev.spotter.kb;

import dev.spotter.DataSourceException;
import dev.spotter.kernel.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a knowledge base to chunks JSONL ({@link ChunkJsonl}), streaming: memory does not depend on the number
 * of rows. The output appears atomically ({@link AtomicFile}), so a failed export never leaves a half-written
 * file under the requested name.
 */
public final class KbExport {
    private KbExport() {}

    /**
     * Exports {@code reader}'s rows (all, or one {@code category}) to {@code out}; rows that cannot be exported go
     * to {@code quarantine} with their reason.
     */
    public static KbReader.Stats toFile(KbReader reader, String category, Path out, Path quarantine) {
        try (AtomicFile w = AtomicFile.open(out)) {
            KbReader.Stats stats;
            try (Quarantine q = Quarantine.ofTable(quarantine)) {
                stats = reader.read(category, new KbReader.Sink() {
                    @Override
                    public void accept(KbChunk chunk) throws IOException {
                        w.line(ChunkJsonl.toLine(chunk));
                    }

                    @Override
                    public void reject(long row, String id, String reason) throws IOException {
                        q.add(row, id, "invalid_row", reason, null);
                    }
                });
            }
            w.commit();
            return stats;
        } catch (IOException e) {
            throw new DataSourceException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new DataSourceException(e.getCause().getMessage(), e);
        }
    }
}
