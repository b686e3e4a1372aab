package dev.spotter.kb;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a knowledge base to chunks JSONL ({@link ChunkJsonl}), streaming: memory does not depend on the number
 * of rows. The output appears atomically (written to a temporary file beside it, then renamed), so a failed
 * export never leaves a half-written file under the requested name.
 */
public final class KbExport {
    private KbExport() {}

    /**
     * Exports {@code reader}'s rows (all, or one {@code category}) to {@code out}; rows that cannot be exported go
     * to {@code quarantine} with their reason.
     */
    public static KbReader.Stats toFile(KbReader reader, String category, Path out, Path quarantine) {
        Path abs = out.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            KbReader.Stats stats;
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    Quarantine q = new Quarantine(quarantine, "knowledge_base")) {
                stats = reader.read(category, new KbReader.Sink() {
                    @Override
                    public void accept(KbChunk chunk) throws IOException {
                        w.write(ChunkJsonl.toLine(chunk));
                        w.write('\n');
                    }

                    @Override
                    public void reject(long row, String id, String reason) throws IOException {
                        q.add("row", row, id, reason, null);
                    }
                });
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return stats;
        } catch (IOException e) {
            throw new KbException("cannot write " + out + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new KbException("cannot write " + out + ": " + e.getCause().getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; the original failure is what the user needs to see
                }
            }
        }
    }
}
