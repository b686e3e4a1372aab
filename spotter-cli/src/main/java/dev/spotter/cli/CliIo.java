package dev.spotter.cli;

import dev.spotter.ConfigurationException;
import dev.spotter.FileException;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.kernel.ProgressListener;
import dev.spotter.kernel.ProgressStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** File handling shared by the data commands: {@code -} is stdin/stdout, errors are one clear line. */
final class CliIo {
    private CliIo() {}

    /** Fails before any work when an input is missing, so a typo does not cost a long run. */
    static void checkReadable(List<String> inputs) {
        int stdin = 0;
        for (String in : inputs) {
            if (in.equals("-")) {
                stdin++;
                continue;
            }
            FileException.requireReadableFile(Path.of(in));
        }
        if (stdin > 1) {
            throw new ConfigurationException("stdin (-) can be given only once");
        }
    }

    /** As {@link #open(String)}, reporting lines and bytes read to {@code progress} as task "{@code verb} {@code in}". */
    static InputStream open(String in, String verb, ProgressListener progress) throws IOException {
        long size = in.equals("-") ? -1 : Files.size(Path.of(in));
        return ProgressStream.wrap(open(in), verb + " " + in, size, progress);
    }

    static InputStream open(String in) throws IOException {
        if (in.equals("-")) {
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // never close the process's stdin
                }
            };
        }
        Path p = Path.of(in);
        FileException.requireReadableFile(p); // "is a directory" is found only on the first read otherwise
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw FileException.reading(p, e);
        }
    }

    /** Where a command's human messages go: stderr when its data goes to stdout ({@code -o -}), else stdout. */
    static java.io.PrintWriter report(picocli.CommandLine.Model.CommandSpec spec, String output) {
        return output.equals("-")
                ? spec.commandLine().getErr()
                : spec.commandLine().getOut();
    }

    /**
     * Refuses {@code -} for an option that names a directory or a file with sidecars, where stdout cannot stand in:
     * {@code -o -} would otherwise create a file or folder named {@code -}.
     */
    static void noStdout(picocli.CommandLine.Model.CommandSpec spec, String option, Object value, String why) {
        if (value != null && value.toString().equals("-")) {
            throw SpotterCli.usage(spec, option + " - (stdout) is not possible here: " + why); // a usage error
        }
    }

    /**
     * A file option where {@code -} means stdout, for commands whose library call writes to a path: the library
     * writes a temporary file, {@link #finish()} copies it to stdout, {@link #close()} deletes it.
     */
    static final class FileOrStdout implements AutoCloseable {
        private final Path path;
        private final boolean stdout;

        FileOrStdout(Path option) throws IOException {
            this.stdout = option.toString().equals("-");
            this.path = stdout ? Files.createTempFile("spotter-", ".jsonl") : option;
        }

        Path path() {
            return path;
        }

        boolean stdout() {
            return stdout;
        }

        void finish() throws IOException {
            if (stdout) {
                Files.copy(path, System.out);
                System.out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (stdout) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * An output that appears whole on {@link #commit()} or not at all ({@link AtomicFile}), so a failed or
     * interrupted run never leaves a half-written file that looks complete. {@code -} writes to stdout directly.
     */
    static final class AtomicOutput implements AutoCloseable {
        private final AtomicFile file; // null = stdout
        private final OutputStream out;

        AtomicOutput(String target) throws IOException {
            if (target.equals("-")) {
                this.file = null;
                this.out = new java.io.FilterOutputStream(System.out) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
            } else {
                this.file = AtomicFile.open(Path.of(target));
                this.out = file.stream();
            }
        }

        OutputStream stream() {
            return out;
        }

        boolean isStdout() {
            return file == null;
        }

        void commit() throws IOException {
            if (file != null) {
                file.commit();
            } else {
                out.flush();
            }
        }

        @Override
        public void close() {
            if (file != null) {
                file.close();
            }
        }
    }
}
