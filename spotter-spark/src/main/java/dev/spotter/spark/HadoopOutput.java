package dev.spotter.spark;

import dev.spotter.assemble.DatasetLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the distributed build writes: a local directory, or a Hadoop URI ({@code s3a://}, {@code gs://},
 * {@code hdfs://}, ...). The driver writes every file through the core's atomic writer into a local directory (the
 * URI's {@code file:} path, or a staging directory for other schemes); for a remote target the finished tree is
 * then published through the target's Hadoop {@code FileSystem}: each file is copied to
 * {@code NAME.spotter-tmp} and renamed over {@code NAME}, so a reader sees an old or a whole new file (on object
 * stores a PUT is atomic per object and the rename is a copy; what an interrupted publish leaves is
 * {@code .spotter-tmp} objects, never a partial file under its name). Memory: one copy buffer.
 */
final class HadoopOutput {
    private static final String TMP = ".spotter-tmp";

    private final java.nio.file.Path local;
    private final @Nullable String remote;

    private HadoopOutput(java.nio.file.Path local, @Nullable String remote) {
        this.local = local;
        this.remote = remote;
    }

    /** The target named by {@code out}: a plain path, a {@code file:} URI, or any other Hadoop URI. */
    static HadoopOutput of(String out) {
        if (!InputFiles.hasScheme(out)) {
            return new HadoopOutput(java.nio.file.Path.of(out), null);
        }
        URI uri = URI.create(out);
        if ("file".equals(uri.getScheme())) {
            return new HadoopOutput(java.nio.file.Path.of(uri), null);
        }
        try {
            return new HadoopOutput(Files.createTempDirectory("spotter-build-"), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory: " + e.getMessage(), e);
        }
    }

    /** The local directory the build writes into. */
    java.nio.file.Path localDir() {
        return local;
    }

    /** The remote target, or null when the build writes in place. */
    @Nullable
    String remote() {
        return remote;
    }

    /**
     * Copies the local tree to the remote target, and the build's state directory (quarantine, logs, step state:
     * kept out of the upload folder, as {@code DIR.state} beside it) to {@code TARGET.state}; nothing for a local
     * target. Returns the files published.
     */
    int publish(Configuration conf) {
        if (remote == null) {
            return 0;
        }
        Path target = new Path(URI.create(remote));
        java.nio.file.Path state = DatasetLayout.of(local).stateDir();
        try {
            FileSystem fs = target.getFileSystem(conf);
            int n = copyTree(fs, local, target);
            if (Files.isDirectory(state) && !state.startsWith(local)) {
                n += copyTree(fs, state, new Path(target.getParent(), target.getName() + ".state"));
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the build to " + remote + ": " + e.getMessage(), e);
        }
    }

    private static int copyTree(FileSystem fs, java.nio.file.Path from, Path to) throws IOException {
        int n = 0;
        try (Stream<java.nio.file.Path> walk = Files.walk(from)) {
            for (java.nio.file.Path f :
                    walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = from.relativize(f).toString().replace('\\', '/');
                Path dst = new Path(to, rel);
                Path tmp = new Path(to, rel + TMP);
                fs.copyFromLocalFile(false, true, new Path(f.toUri()), tmp);
                if (fs.exists(dst) && !fs.delete(dst, false)) {
                    throw new IOException("cannot replace " + dst);
                }
                if (!fs.rename(tmp, dst)) {
                    throw new IOException("cannot rename " + tmp + " to " + dst);
                }
                n++;
            }
        }
        return n;
    }
}
