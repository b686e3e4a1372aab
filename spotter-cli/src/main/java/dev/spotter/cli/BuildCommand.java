package dev.spotter.cli;

import dev.spotter.Spotter;
import dev.spotter.assemble.BuildResult;
import dev.spotter.project.Inventory;
import dev.spotter.project.Project;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spotter build}: the whole dataset pipeline on a project. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Builds the dataset: ingest + validate, exact and near dedup, PII scrub, stratified split with a",
            "leakage check, upload files per format + provenance, dataset card (README.md), report.html, accounting.",
            "Re-runs only the steps whose inputs changed. Exit 0 ok (rejects within quality.maxRejectRate, default 0), 1 a source's reject rate",
            "above it, lines of reviewed sources pending review (held back, not shipped), or failed accounting;",
            "2 usage/I-O."
        })
public final class BuildCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    ProjectOption project;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory (default: the project's output.dir, relative to the project file).")
    Path out;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Where the quarantine, the dedup and leakage logs and the step cache go: never into the"
                    + " dataset folder, which is for upload (default: output.stateDir, else the sibling <out>.state).")
    Path stateDir;

    @picocli.CommandLine.Mixin
    ProgressOptions progress = new ProgressOptions();

    @Option(names = "--timings", description = "After the build, print each step's wall time and JVM peak heap.")
    boolean timings;

    @Override
    public Integer call() {
        CliIo.noStdout(spec, "--out", out, "a build writes a dataset folder");
        CliIo.noStdout(spec, "--state-dir", stateDir, "the state is a folder");
        PrintWriter w = spec.commandLine().getOut();
        ProgressRenderer shown = progress.renderer(spec, false);
        Spotter spotter = Spotter.builder()
                .progress(shown.listener())
                .environment(CliEnv.of(spec))
                .log(line -> {
                    w.println(line);
                    w.flush();
                })
                .build();
        Project p = spotter.project(project.file());
        w.println("spotter build: " + p.name() + " (" + project.file() + ")");
        BuildResult r;
        try (shown) {
            r = spotter.build(p, out, stateDir);
        }
        var o = r.summary().output();
        w.printf(
                "wrote %s: %,d train + %,d validation examples in %s; README.md, report.html, summary.json%n",
                r.outDir(), o.train(), o.validation(), String.join(", ", o.formats()));
        w.printf("state, quarantine and logs (not for upload): %s%n", r.layout().stateDir());
        if (timings) {
            w.println("step timings (wall ms, thread CPU ms, JVM peak heap MB):");
            long total = 0;
            long cpu = 0;
            for (BuildResult.StepRun st : r.steps()) {
                total += st.millis();
                cpu += st.cpuMillis();
                w.printf(
                        "  %-22s %8d ms %8d cpu-ms %8.1f MB%s%n",
                        st.name(),
                        st.millis(),
                        st.cpuMillis(),
                        st.peakHeapBytes() / 1048576.0,
                        st.ran() ? "" : "  (reused)");
            }
            w.printf("  %-22s %8d ms %8d cpu-ms%n", "total", total, cpu);
        }
        List<String> exceeded = r.rejectRateExceeded();
        if (r.rejected() > 0) {
            w.printf(
                    "%,d input lines rejected (quarantined with their reasons): %s%n",
                    r.rejected(), r.layout().quarantine());
            if (exceeded.isEmpty()) {
                w.println("  within quality.maxRejectRate for every source");
            }
        }
        exceeded.forEach(x -> w.println("reject rate too high: " + x));
        List<String> pending = r.pendingReview();
        pending.forEach(x -> w.println("not shipped, review unfinished: " + x));
        // what a platform's trainer would learn nothing from, truncate, or misread: warnings, not failures
        r.summary().trainer().warningLines(r.outDir().toString()).forEach(w::println);
        w.println("training cost: " + r.summary().inventory().cost().trainingLine());
        if (!r.needs().isEmpty()) {
            w.println("still needed (no step of this build can make these without the command shown):");
            Inventory.needLines(r.needs()).forEach(l -> w.println("  " + l));
            w.println("  then run spotter build again (only the changed sources are re-ingested).");
        }
        w.flush();
        PrintWriter err = spec.commandLine().getErr();
        r.missingInputs().forEach(m -> err.println("spotter build: " + m));
        err.flush();
        return r.ok() ? ExitCodes.OK : ExitCodes.REJECTS;
    }
}
