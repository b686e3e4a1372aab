package dev.spotter.spark;

import dev.spotter.ConfigurationException;
import dev.spotter.assemble.DatasetLayout;
import dev.spotter.assemble.EngineFunctions;
import dev.spotter.project.ExampleTokenCounter;
import dev.spotter.project.Project;
import dev.spotter.project.SourceScanner;
import dev.spotter.project.SourceSpec;
import dev.spotter.spark.BuildRecords.FileTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The distributed build's input files, in the embedded build's order (sources in spotter.yaml order, a source's
 * files as its scanner lists them), each named by the URI the engine reads it through.
 *
 * <p>A source path without a scheme is a local path, listed as the embedded build lists it
 * ({@code SourceScanner.files}); a path with a scheme ({@code file://}, {@code hdfs://}, {@code s3a://},
 * {@code gs://}, any scheme the cluster's Hadoop configuration maps to a {@code FileSystem}) is listed with
 * Hadoop's {@code FileSystem.globStatus} and never touched through {@code java.nio}: the connectors are Hadoop's
 * own, configured (hadoop-aws, gcs-connector on the class path; credentials from their provider chains), not
 * re-implemented. Provenance labels a {@code file:} URI like a local path (project-relative), any other by its
 * URI. Sources with a category sidecar are read whole, one task per file, from local paths only: a data file and
 * its sidecar are read in lockstep.
 */
final class InputFiles {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private InputFiles() {}

    /** The files of every source, and per source the paths that name no file. */
    record Listing(List<FileTask> tasks, List<List<String>> missing) {}

    /** True when {@code path} is a URI with a scheme (a Windows drive letter is one character: not a scheme). */
    static boolean hasScheme(String path) {
        var m = SCHEME.matcher(path);
        return m.find() && m.end() > 2;
    }

    static Listing list(Project project, DatasetLayout layout, Configuration conf, Consumer<String> log) {
        SourceScanner scanner = new SourceScanner(project, ExampleTokenCounter.llama3());
        List<FileTask> tasks = new ArrayList<>();
        List<List<String>> missing = new ArrayList<>();
        List<SourceSpec> sources = project.sources();
        for (int i = 0; i < sources.size(); i++) {
            SourceSpec s = sources.get(i);
            boolean whole = s.categorySidecar() != null;
            List<String> absent = new ArrayList<>();
            missing.add(absent);
            if (s.synthesized()) {
                EngineFunctions.Synthesized syn = EngineFunctions.synthesize(project, layout, s, log);
                tasks.add(task(i, 0, syn.file(), syn.label(), whole));
                continue;
            }
            List<String> parquet = s.parquetPaths();
            if (!parquet.isEmpty() && parquet.size() != s.paths().size()) {
                throw new ConfigurationException("source " + s.id() + " mixes Parquet (" + String.join(", ", parquet)
                        + ") and other paths: give each format its own source");
            }
            if (!parquet.isEmpty() && whole) {
                throw new ConfigurationException("source " + s.id() + " reads its categories from a sidecar ("
                        + s.categorySidecar() + "): Parquet sources cannot have one (" + String.join(", ", parquet)
                        + ")");
            }
            if (parquet.isEmpty() && s.paths().stream().noneMatch(InputFiles::hasScheme)) {
                List<java.nio.file.Path> files = scanner.files(s);
                if (files.isEmpty()) {
                    absent.addAll(s.paths()); // as the embedded ingest: patterns that match no file are missing
                }
                for (int f = 0; f < files.size(); f++) {
                    java.nio.file.Path file = files.get(f);
                    if (Files.isRegularFile(file)) {
                        tasks.add(task(i, f, file, scanner.relative(file), whole));
                    } else {
                        absent.add(scanner.relative(file));
                    }
                }
                continue;
            }
            if (whole) {
                throw new ConfigurationException("source " + s.id() + " reads its categories from a sidecar ("
                        + s.categorySidecar() + "): the distributed build reads such sources from local paths only,"
                        + " not " + String.join(", ", s.paths()));
            }
            int f = 0;
            for (String p : s.paths()) {
                Path path = hasScheme(p)
                        ? new Path(URI.create(p))
                        : new Path(project.baseDir().resolve(p).normalize().toUri());
                List<FileStatus> found = glob(path, conf, !parquet.isEmpty());
                if (found.isEmpty()) {
                    absent.add(p);
                }
                for (FileStatus st : found) {
                    String uri = st.getPath().toString();
                    String label = st.getPath().toUri().getScheme().equals("file")
                            ? scanner.relative(
                                    java.nio.file.Path.of(st.getPath().toUri()))
                            : uri;
                    tasks.add(new FileTask(i, f++, uri, label, false, !parquet.isEmpty()));
                }
            }
        }
        return new Listing(List.copyOf(tasks), List.copyOf(missing));
    }

    private static FileTask task(int source, int file, java.nio.file.Path local, String label, boolean whole) {
        String abs = local.toAbsolutePath().normalize().toString();
        return new FileTask(
                source,
                file,
                whole ? abs : new Path(local.toAbsolutePath().normalize().toUri()).toString(),
                label,
                whole);
    }

    /**
     * The files a path or glob names, sorted by URI (the order the build reads them in): regular files only, or,
     * for Parquet ({@code parquet}), a folder (what Spark and other writers leave) stands for its files except
     * hidden ones ({@code _SUCCESS}, {@code .crc}: Spark's own rule), in place, sorted by URI.
     */
    private static List<FileStatus> glob(Path path, Configuration conf, boolean parquet) {
        try {
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            List<FileStatus> out = new ArrayList<>();
            for (FileStatus m : matches == null ? List.<FileStatus>of() : sorted(Arrays.asList(matches))) {
                if (m.isFile()) {
                    out.add(m);
                } else if (parquet && m.isDirectory()) {
                    sorted(Arrays.asList(fs.listStatus(m.getPath()))).stream()
                            .filter(st -> st.isFile()
                                    && !st.getPath().getName().startsWith("_")
                                    && !st.getPath().getName().startsWith("."))
                            .forEach(out::add);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<FileStatus> sorted(List<FileStatus> files) {
        return files.stream()
                .sorted(Comparator.comparing(st -> st.getPath().toString()))
                .toList();
    }
}
