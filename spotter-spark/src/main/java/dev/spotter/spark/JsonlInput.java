package dev.spotter.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Reads JSONL through Hadoop's {@link TextInputFormat}, so every path the cluster's Hadoop connectors know works
 * unchanged ({@code file://}, {@code hdfs://}, {@code s3a://} with hadoop-aws, {@code gs://} with the GCS
 * connector), as do globs, directories, splitting of large files across tasks and compressed files (.gz, .bz2,
 * .zst by extension).
 *
 * <p>What it changes, so the validator sees the bytes the embedded reader ({@code format.LineReader}) sees:
 * <ul>
 *   <li>Lines end at {@code \n} only ({@code textinputformat.record.delimiter}); Hadoop's default also ends a line
 *       at a lone {@code \r}, which would split one line in two. A {@code \r} before the {@code \n} stays in the
 *       bytes; the validator strips it, as in the embedded build.
 *   <li>Hadoop's line reader silently drops a UTF-8 byte order mark at the start of a file. The embedded build
 *       rejects such a line ({@code bom}), so the first line of a split that starts a file gets its BOM back when
 *       the file begins with one (one 3-byte read per file, done by the task that reads the file's first split).
 *   <li>Bytes are copied out of Hadoop's reused {@link Text} buffer, never decoded here.
 * </ul>
 * No line-length cap is set: Hadoop would skip longer lines without a trace; the validator rejects them
 * ({@code line_too_long}) instead, at the cost of holding the longest line in a task's memory.
 */
public final class JsonlInput {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private JsonlInput() {}

    /**
     * The lines of {@code path} (a file, directory or glob, any Hadoop file system), in at least
     * {@code minPartitions} partitions where the files are splittable.
     */
    public static JavaRDD<InputLine> read(JavaSparkContext jsc, String path, int minPartitions) {
        Objects.requireNonNull(path, "path");
        if (minPartitions < 1) {
            throw new IllegalArgumentException("minPartitions must be >= 1, was " + minPartitions);
        }
        Configuration conf = new Configuration(jsc.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        long total = 0;
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            var matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) {
                throw new IllegalArgumentException("no input at " + path);
            }
            for (var st : matches) {
                total += st.isDirectory() ? fs.getContentSummary(st.getPath()).getLength() : st.getLen();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
        // FileInputFormat's split size is max(minSize, min(maxSize, blockSize)); a cap gives minPartitions
        // splits of a small file too (the local file system's 32 MiB blocks would otherwise make one split).
        conf.setLong(
                "mapreduce.input.fileinputformat.split.maxsize",
                Math.max(1, (total + minPartitions - 1) / minPartitions));
        @SuppressWarnings("unchecked")
        JavaNewHadoopRDD<LongWritable, Text> raw = (JavaNewHadoopRDD<LongWritable, Text>)
                jsc.newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class, conf);
        return raw.mapPartitionsWithInputSplit(new ToLines(SerializableConfiguration.broadcast(jsc.sc(), conf)), true);
    }

    /**
     * The lines of exactly these files (Hadoop URIs, in this order), each split in byte ranges of at most
     * {@code maxSplitBytes} where its format allows (uncompressed, or a splittable codec). Unlike a directory or
     * glob read, nothing is filtered: Hadoop's {@code FileInputFormat} would skip names starting with {@code _} or
     * {@code .} and re-expand glob characters in a file name, losing input silently.
     */
    static JavaRDD<InputLine> readFiles(JavaSparkContext jsc, List<String> files, long maxSplitBytes) {
        if (maxSplitBytes < 1) {
            throw new IllegalArgumentException("maxSplitBytes must be >= 1, was " + maxSplitBytes);
        }
        Configuration conf = new Configuration(jsc.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        conf.setLong("mapreduce.input.fileinputformat.split.maxsize", maxSplitBytes);
        conf.set(ExactFiles.FILES, String.join("\n", files));
        @SuppressWarnings("unchecked")
        JavaNewHadoopRDD<LongWritable, Text> raw = (JavaNewHadoopRDD<LongWritable, Text>)
                jsc.newAPIHadoopRDD(conf, ExactFiles.class, LongWritable.class, Text.class);
        return raw.mapPartitionsWithInputSplit(new ToLines(SerializableConfiguration.broadcast(jsc.sc(), conf)), true);
    }

    /**
     * {@link TextInputFormat} over a fixed list of files: no glob expansion, no hidden-file filter. Public only
     * because Hadoop instantiates input formats by reflection.
     */
    public static final class ExactFiles extends TextInputFormat {
        static final String FILES = "spotter.input.files";

        @Override
        protected List<FileStatus> listStatus(JobContext job) throws IOException {
            Configuration conf = job.getConfiguration();
            List<FileStatus> out = new ArrayList<>();
            for (String f : conf.get(FILES, "").split("\n", -1)) {
                if (!f.isEmpty()) {
                    Path p = new Path(f);
                    out.add(p.getFileSystem(conf).getFileStatus(p));
                }
            }
            return out;
        }
    }

    /** Turns one split's (offset, line) records into {@link InputLine}s, restoring a file's leading BOM. */
    static final class ToLines
            implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<InputLine>> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<SerializableConfiguration> conf;

        ToLines(Broadcast<SerializableConfiguration> conf) {
            this.conf = conf;
        }

        @Override
        public Iterator<InputLine> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> records)
                throws IOException {
            FileSplit fs = (FileSplit) split;
            String source = fs.getPath().toString();
            boolean bom = fs.getStart() == 0
                    && startsWithBom(fs.getPath(), conf.value().value());
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public InputLine next() {
                    if (!records.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Tuple2<LongWritable, Text> r = records.next();
                    long offset = r._1().get();
                    byte[] b = r._2().copyBytes();
                    if (bom && offset == 0) {
                        byte[] withBom = Arrays.copyOf(BOM, BOM.length + b.length);
                        System.arraycopy(b, 0, withBom, BOM.length, b.length);
                        b = withBom;
                    }
                    return new InputLine(source, offset, b);
                }
            };
        }
    }

    /** True when the file's first three (decompressed) bytes are a UTF-8 byte order mark. */
    static boolean startsWithBom(Path file, Configuration conf) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
        try (InputStream raw = fs.open(file);
                InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
            byte[] head = in.readNBytes(BOM.length);
            return Arrays.equals(head, BOM);
        }
    }
}
