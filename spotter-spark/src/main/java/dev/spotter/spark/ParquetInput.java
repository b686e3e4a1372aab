package dev.spotter.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads chat examples from Parquet (one row per example, a {@code messages} column of
 * {@code array<struct<role, content[, weight]>>}, the layout Hugging Face datasets use) as the JSON lines the
 * validator checks, through Spark's own Parquet reader and any Hadoop file system.
 *
 * <p>Every column of the row goes into the line ({@code to_json(struct(*))}), so a Parquet file with extra
 * columns is rejected ({@code extra_columns}) exactly as a JSONL file with extra keys is; null fields are left
 * out, as an absent {@code weight} is in JSONL. A line is identified by the file and its row index in the file
 * (Spark's {@code _metadata.row_index}), which orders a file's rows as they were written.
 */
public final class ParquetInput {
    private ParquetInput() {}

    public static JavaRDD<InputLine> read(SparkSession spark, String path) {
        Objects.requireNonNull(path, "path");
        return spark.read()
                .parquet(path)
                .select(
                        col("_metadata.file_path").as("source"),
                        col("_metadata.row_index").as("row"),
                        to_json(struct(col("*"))).as("line"))
                .toJavaRDD()
                .map(new ToLine());
    }

    /** (source, row, JSON text) → {@link InputLine} with the JSON's UTF-8 bytes. */
    static final class ToLine implements Function<Row, InputLine> {
        private static final long serialVersionUID = 1L;

        @Override
        public InputLine call(Row r) {
            return new InputLine(r.getString(0), r.getLong(1), r.getString(2).getBytes(StandardCharsets.UTF_8));
        }
    }
}
