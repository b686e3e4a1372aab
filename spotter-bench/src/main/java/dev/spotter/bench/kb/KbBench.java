// Streaming benchmark for the kb import/export path. Not a unit test; run it with bench/kb/run.sh.
//
//   java -Xmx64m -cp target/spotter.jar bench/kb/KbBench.java ROWS [DB_URL]
//
// Writes ROWS synthetic chunks (about 1 KB each, mixed ASCII/Unicode/emoji/quotes) as chunks JSONL, imports them
// (upsert, one transaction) into DB_URL (default: a fresh SQLite file), exports them back and checks that the export
// is byte-identical to the input. The small heap (-Xmx64m) is the point: a 100 MB file only fits if both
// directions stream.

package dev.spotter.bench.kb;

import dev.spotter.Environment;
import dev.spotter.kb.ChunkJsonl;
import dev.spotter.kb.KbChunk;
import dev.spotter.kb.KbDatabase;
import dev.spotter.kb.KbExport;
import dev.spotter.kb.KbImporter;
import dev.spotter.kb.KbReader;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

public final class KbBench {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("kb-bench-");
        String url = args.length > 1 ? args[1] : "jdbc:sqlite:" + dir.resolve("kb.db");
        String[] cats = {
            "customization_examples",
            "decision_trees",
            "equipment_substitutions",
            "experience_classification",
            "injury_modifications",
            "mvq"
        };
        String body = "Squat to a box at a depth that keeps pain at or below 3 out of 10; it's \"fine\" \\ café 💪 "
                .repeat(11);
        Path in = dir.resolve("in.jsonl");
        // ids sorted within category so the input is already in export order (category, id)
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            for (String cat : cats) {
                for (int i = 0; i < rows / cats.length; i++) {
                    long id = Arrays.asList(cats).indexOf(cat) * 10_000_000L + i;
                    w.write(ChunkJsonl.toLine(new KbChunk(
                            Long.toString(id),
                            true,
                            cat,
                            "chunk " + id,
                            body + id,
                            "{\"i\":" + i + ",\"tags\":[\"bench\"]}",
                            "2025-11-07T09:00:00Z")));
                    w.write('\n');
                }
            }
        }
        long bytes = Files.size(in);
        KbDatabase db = KbDatabase.fromUrl(url, Environment.of(Map.of()));
        long t0 = System.nanoTime();
        KbImporter.Stats imp = new KbImporter(db, "kb_bench")
                .createTable(KbImporter.IdType.BIGINT)
                .importFile(in, dir.resolve("in.q.jsonl"));
        long t1 = System.nanoTime();
        Path out = dir.resolve("out.jsonl");
        KbReader.Stats exp = KbExport.toFile(new KbReader(db, "kb_bench"), null, out, dir.resolve("out.q.jsonl"));
        long t2 = System.nanoTime();
        boolean same = Files.mismatch(in, out) == -1;
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        System.out.printf("rows %d, file %.1f MB, db %s%n", imp.read(), bytes / 1e6, db.jdbcUrl());
        System.out.printf(
                "import: %d upserted, %d rejected in %.2f s (%.0f rows/s, %.1f MB/s)%n",
                imp.upserted(),
                imp.rejected(),
                (t1 - t0) / 1e9,
                imp.read() / ((t1 - t0) / 1e9),
                bytes / 1e6 / ((t1 - t0) / 1e9));
        System.out.printf(
                "export: %d exported, %d rejected in %.2f s (%.0f rows/s, %.1f MB/s)%n",
                exp.accepted(),
                exp.rejected(),
                (t2 - t1) / 1e9,
                exp.read() / ((t2 - t1) / 1e9),
                bytes / 1e6 / ((t2 - t1) / 1e9));
        System.out.printf(
                "round trip byte-identical: %s; max heap %d MB, peak heap pools used (sum) %d MB%n",
                same, heap.getMax() >> 20, peak >> 20);
        for (Path p : new Path[] {in, out, dir.resolve("kb.db")}) {
            Files.deleteIfExists(p);
        }
        if (!same) {
            System.exit(1);
        }
    }
}
