package dev.spotter.spark;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop file system for the scheme {@value #SCHEME}, registered the way a cluster registers s3a or gs
 * ({@code fs.spottertest.impl}): local files under a scheme {@code java.nio} does not know, so a build that reads
 * {@code spottertest:///...} must go through Hadoop's {@code FileSystem}. Records every file it opens.
 */
public class SchemeFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "spottertest";
    static final Set<String> OPENED = ConcurrentHashMap.newKeySet();

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        OPENED.add(f.toUri().getPath());
        return super.open(f, bufferSize);
    }
}
