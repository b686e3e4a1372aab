package dev.spotter.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dev.spotter.InputDataException;
import dev.spotter.assemble.EngineFunctions;
import dev.spotter.project.SourceRecord;
import dev.spotter.project.SourceSpec;
import dev.spotter.spark.BuildRecords.Fault;
import dev.spotter.spark.BuildRecords.FileTask;
import dev.spotter.spark.BuildRecords.Ingested;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * Ingest of Parquet sources (a spotter.yaml {@code path:} ending in {@code .parquet}: a file, a glob, or a folder
 * of part files) through Spark's own Parquet reader and the cluster's Hadoop file systems.
 *
 * <p>A row is a line: all its columns are rendered as one JSON object ({@code to_json(struct(*))}, as
 * {@link ParquetInput}; null fields are left out, as an absent key in JSONL) and classified by the core's
 * scanner rule ({@code SourceScanner.classify}), so a row with the examples' shape ({@code messages:
 * array<struct<role, content[, weight]>>}, optional category field) is accepted exactly as the same example on a
 * JSONL line, and a row of another shape is quarantined with the JSONL reason (a {@code messages} string:
 * not a list; no {@code messages}: missing; extra columns: extra keys). The line number of a row is its row
 * index in the file plus one ({@code _metadata.row_index}: the order the rows were written), so the quarantine and
 * provenance name the 5th row of {@code data/chats.parquet} {@code data/chats.parquet:5} and the global order is
 * the file's row order. Each file is read with its own schema (no schema merging: a file's extra or wrong
 * columns cannot be hidden by another file's schema); a file Spark cannot read as Parquet stops the build before
 * any task runs, with one line naming it.
 */
final class ParquetIngest {
    private ParquetIngest() {}

    /** The records of the Parquet tasks' files, one Spark read per file. */
    static JavaRDD<Ingested> read(JavaSparkContext jsc, String project, List<FileTask> tasks, @Nullable Fault fault) {
        SparkSession spark = SparkSession.builder().getOrCreate();
        JavaRDD<Ingested> all = jsc.emptyRDD();
        for (FileTask t : tasks) {
            JavaRDD<Row> rows;
            try {
                rows = spark.read()
                        .parquet(t.path())
                        .select(
                                col("_metadata.row_index").as("row"),
                                to_json(struct(col("*"))).as("line"))
                        .toJavaRDD();
            } catch (Exception e) { // Spark's SparkException is checked but not declared

                throw new InputDataException(t.label() + ": not readable as Parquet: " + firstLine(e), e);
            }
            all = all.union(rows.map(new ClassifyRow(project, t, fault)));
        }
        return all;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** (row index, JSON of the row) → the record the scanner's rule makes of it, numbered row index + 1. */
    static final class ClassifyRow implements Function<Row, Ingested> {
        private static final long serialVersionUID = 1L;
        private final String project;
        private final FileTask task;
        private final @Nullable Fault fault;

        ClassifyRow(String project, FileTask task, @Nullable Fault fault) {
            this.project = project;
            this.task = task;
            this.fault = fault;
        }

        @Override
        public Ingested call(Row r) {
            SourceSpec source = Stages.project(project).sources().get(task.source());
            long line = r.getLong(0) + 1;
            SourceRecord rec = Stages.scanner(project).classify(source, task.label(), line, r.getString(1));
            Ingested[] slot = new Ingested[1];
            EngineFunctions.ingestSink(source, x -> slot[0] = Stages.Ingest.of(task, x))
                    .accept(rec);
            Stages.maybeFail(fault, "ingest", 1, 2);
            return slot[0];
        }
    }
}
