package dev.spotter.cli;

import dev.spotter.ConfigurationException;
import dev.spotter.Environment;
import dev.spotter.Spotter;
import dev.spotter.assemble.DatasetLayout;
import dev.spotter.format.ConvertFormat;
import java.nio.file.Path;

/** The finished build that {@code export} and {@code eval} read: {@code --dataset DIR}, else the project's. */
final class BuiltDatasets {
    /** The format export and eval read. */
    static final String FORMAT = ConvertFormat.MESSAGES.cliName();

    private BuiltDatasets() {}

    /** Opens {@code dataset} (a build's output directory) or else the build at the project's {@code output.dir}. */
    static DatasetLayout open(Path project, Path dataset, Environment env) {
        if (project != null && dataset != null) {
            throw new ConfigurationException("give --project or --dataset, not both");
        }
        Spotter spotter = Spotter.builder().environment(env).build();
        return dataset != null ? spotter.dataset(dataset, FORMAT) : spotter.datasetOf(project, FORMAT);
    }
}
