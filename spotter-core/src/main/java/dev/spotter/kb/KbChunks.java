package dev.spotter.kb;

import dev.spotter.DataSourceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Loading a whole (small) knowledge base into memory, for planning and coverage. */
public final class KbChunks {
    private KbChunks() {}

    /**
     * Reads a chunks JSONL file. Unlike import, this is the reference index for a check, so any bad line is an error
     * naming the file and line, not a quarantined record. Duplicate ids are an error too.
     */
    public static List<KbChunk> read(Path file) {
        List<KbChunk> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                KbChunk c;
                try {
                    c = ChunkJsonl.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new DataSourceException(file + ":" + n + ": " + e.getMessage());
                }
                if (!ids.add(c.id())) {
                    throw new DataSourceException(file + ":" + n + ": duplicate chunk id " + c.id());
                }
                out.add(c);
            }
        } catch (IOException e) {
            throw new DataSourceException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new DataSourceException(file + ": no chunks");
        }
        return out;
    }

    /** The bundled sample's 23 chunks. */
    public static List<KbChunk> sample() {
        List<KbChunk> out = new ArrayList<>();
        try (SampleKb.Temp t = SampleKb.temporary()) {
            new KbReader(t.db(), "knowledge_base").read(null, new KbReader.Sink() {
                @Override
                public void accept(KbChunk chunk) {
                    out.add(chunk);
                }

                @Override
                public void reject(long row, String id, String reason) {
                    throw new DataSourceException("bundled sample row " + row + " is invalid: " + reason);
                }
            });
        }
        return out;
    }
}
