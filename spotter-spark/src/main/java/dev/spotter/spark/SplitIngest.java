package dev.spotter.spark;

import dev.spotter.assemble.EngineFunctions;
import dev.spotter.project.SourceRecord;
import dev.spotter.project.SourceSpec;
import dev.spotter.spark.BuildRecords.Fault;
import dev.spotter.spark.BuildRecords.FileTask;
import dev.spotter.spark.BuildRecords.Ingested;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.jspecify.annotations.Nullable;

/**
 * Ingest of large files in byte ranges: every file is read through Hadoop's {@code TextInputFormat}
 * ({@link JsonlInput#readFiles}), split in ranges of at most {@code maxSplitBytes}, and each line is classified
 * where it is read by the core's {@code SourceScanner.classify}, the scanner's own per-line rule.
 *
 * <p>Line numbers (the quarantine's {@code file:line}, provenance, the global order key) come from a two-pass
 * line index: pass 1 counts the lines of every split (Hadoop's line reader only, no decoding); the driver sorts
 * the splits of each file by start offset and takes prefix sums, so each split knows the number of its first
 * line; pass 2 reads the splits again and numbers their lines from there. Both passes read the same split
 * boundaries, and a split's lines are a pure function of the file and the range (Hadoop's rule: a split owns the
 * lines that start in it, the first from the byte after the first newline unless it starts the file), so a
 * retried task numbers its lines the same way. Reading the input twice costs one more pass of I/O and line
 * splitting (no JSON); the alternative, {@code zipWithIndex}, runs the same extra job. Memory per task: one line.
 */
final class SplitIngest {
    private SplitIngest() {}

    /** The ingested records of {@code files} (none {@code whole}) and how many splits were read. */
    record Read(JavaRDD<Ingested> records, int splits) {}

    static Read read(
            JavaSparkContext jsc, String project, List<FileTask> files, long maxSplitBytes, @Nullable Fault fault) {
        List<String> uris = files.stream().map(FileTask::path).toList();
        JavaRDD<InputLine> lines = JsonlInput.readFiles(jsc, uris, maxSplitBytes);
        List<SplitCount> counts =
                lines.mapPartitionsWithIndex(new CountLines(), true).collect();
        Map<Integer, Long> firstLine = firstLines(counts);
        Map<String, FileTask> byUri = new HashMap<>();
        files.forEach(t -> byUri.put(t.path(), t));
        JavaRDD<Ingested> records = lines.mapPartitionsWithIndex(new Classify(project, byUri, firstLine, fault), true);
        return new Read(records, lines.getNumPartitions());
    }

    /** One split's lines: where its first line starts and how many there are (splits with lines only). */
    record SplitCount(int partition, String source, long firstOffset, long lines) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Per partition with lines, the 1-based number of its first line in its file. */
    static Map<Integer, Long> firstLines(List<SplitCount> counts) {
        List<SplitCount> sorted = new ArrayList<>(counts);
        sorted.sort(Comparator.comparing(SplitCount::source).thenComparingLong(SplitCount::firstOffset));
        Map<Integer, Long> first = new HashMap<>();
        String file = null;
        long next = 1;
        for (SplitCount c : sorted) {
            if (!c.source().equals(file)) {
                file = c.source();
                next = 1;
            }
            first.put(c.partition(), next);
            next += c.lines();
        }
        return first;
    }

    static final class CountLines implements Function2<Integer, Iterator<InputLine>, Iterator<SplitCount>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<SplitCount> call(Integer partition, Iterator<InputLine> in) {
            if (!in.hasNext()) {
                return List.<SplitCount>of().iterator();
            }
            InputLine first = in.next();
            long n = 1;
            while (in.hasNext()) {
                in.next();
                n++;
            }
            return List.of(new SplitCount(partition, first.source(), first.offset(), n))
                    .iterator();
        }
    }

    /** Pass 2: numbers a split's lines and classifies each with the scanner's rule; streams, one line at a time. */
    static final class Classify implements Function2<Integer, Iterator<InputLine>, Iterator<Ingested>> {
        private static final long serialVersionUID = 1L;
        private final String project;
        private final HashMap<String, FileTask> byUri;
        private final HashMap<Integer, Long> firstLine;
        private final @Nullable Fault fault;

        Classify(String project, Map<String, FileTask> byUri, Map<Integer, Long> firstLine, @Nullable Fault fault) {
            this.project = project;
            this.byUri = new HashMap<>(byUri);
            this.firstLine = new HashMap<>(firstLine);
            this.fault = fault;
        }

        @Override
        public Iterator<Ingested> call(Integer partition, Iterator<InputLine> in) {
            var scanner = Stages.scanner(project);
            CharsetDecoder utf8 = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            Ingested[] slot = new Ingested[1];
            return new Iterator<>() {
                private long no = firstLine.getOrDefault(partition, 1L) - 1;
                private int done;

                @Override
                public boolean hasNext() {
                    return in.hasNext();
                }

                @Override
                public Ingested next() {
                    if (!in.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    InputLine l = in.next();
                    FileTask t = byUri.get(l.source());
                    if (t == null) {
                        throw new IllegalStateException("a split of " + l.source() + ", which is not an input file");
                    }
                    no++;
                    SourceSpec source = Stages.project(project).sources().get(t.source());
                    SourceRecord r = scanner.classify(source, t.label(), no, decode(utf8, l.bytes()));
                    EngineFunctions.ingestSink(source, x -> slot[0] = Stages.Ingest.of(t, x))
                            .accept(r);
                    Stages.maybeFail(fault, "ingest", ++done, 2);
                    return slot[0];
                }
            };
        }

        private static String decode(CharsetDecoder d, byte[] b) {
            try {
                return d.reset().decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalStateException("a replacing decoder threw " + e, e);
            }
        }
    }
}
