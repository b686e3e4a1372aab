package dev.spotter.kernel;

import dev.spotter.ConfigurationException;
import java.nio.file.Path;

/**
 * The names of a data file's companion files. A data file {@code x.jsonl} has its sidecars beside it, named by
 * replacing the {@code .jsonl} ending with the sidecar's suffix: {@code x.provenance.jsonl} (line N describes line
 * N of {@code x.jsonl}), {@code x.rejects.jsonl} (the quarantine of the run that wrote it), {@code x.state} (the
 * generation state directory) and so on. A name that does not end in {@code .jsonl} keeps its whole name as the
 * stem: {@code x} becomes {@code x.provenance.jsonl}.
 */
public final class Sidecars {
    /** Line N describes line N of the data file. */
    public static final String PROVENANCE = ".provenance.jsonl";
    /** The quarantine of the run that wrote the data file. */
    public static final String REJECTS = ".rejects.jsonl";

    private static final String JSONL = ".jsonl";

    private Sidecars() {}

    /** {@code x.jsonl} -> {@code x}; {@code dir/x.jsonl} -> {@code dir/x}; a name without {@code .jsonl} as is. */
    public static String stem(String name) {
        return name.endsWith(JSONL) ? name.substring(0, name.length() - JSONL.length()) : name;
    }

    /** The sidecar of {@code dataFile} with {@code suffix} (e.g. {@code ".grounded.jsonl"}), in the same directory. */
    public static Path of(Path dataFile, String suffix) {
        Path name = dataFile.getFileName();
        if (name == null) {
            throw new ConfigurationException("not a file path: " + dataFile);
        }
        return dataFile.resolveSibling(stem(name.toString()) + suffix);
    }

    /** {@code x.jsonl} -> {@code x.provenance.jsonl}. */
    public static Path provenance(Path dataFile) {
        return of(dataFile, PROVENANCE);
    }

    /** {@code x.jsonl} -> {@code x.rejects.jsonl}. */
    public static Path rejects(Path dataFile) {
        return of(dataFile, REJECTS);
    }
}
