package dev.spotter.kb;

import java.nio.file.Path;
import java.util.List;

/** Loading a whole (small) knowledge base into memory, for planning and coverage: see {@link KbSource#load}. */
public final class KbChunks {
    private KbChunks() {}

    /**
     * Reads a chunks JSONL file. Unlike import, this is the reference index for a check, so any bad line is an error
     * naming the file and line, not a quarantined record. Duplicate ids are an error too.
     */
    public static List<KbChunk> read(Path file) {
        return new KbSource.ChunksFile(file).load().chunks();
    }

    /** The bundled sample's 23 chunks. */
    public static List<KbChunk> sample() {
        return new KbSource.Sample(null).load().chunks();
    }
}
