package dev.spotter.cli;

import dev.spotter.review.ReviewApp;
import dev.spotter.review.ReviewScope;
import dev.spotter.review.SourceReview;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spotter review}: the review web app over the project's reviewed sources, and {@code review status}. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        subcommands = {
            ReviewCommand.Status.class,
            ReviewCommand.Reopen.class,
            ReviewDecisionsCommands.Export.class,
            ReviewDecisionsCommands.Import.class,
            ReviewDecisionsCommands.Report.class
        },
        description = {
            "Starts the local review app for the sources under review in spotter.yaml, or for one DATA.jsonl and its",
            "provenance sidecar, on 127.0.0.1 and a free port, and prints its URL with this run's secret token;",
            "decisions go to review.db (default .spotter/review.db beside spotter.yaml, or beside DATA.jsonl).",
            "--report prints the reject reasons instead. Ctrl+C stops it. Exit 0 stopped, 2 usage/I-O."
        })
public final class ReviewCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    ReviewScopeOptions scope;

    @picocli.CommandLine.Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DATA.jsonl",
            description = "Review this one file (and DATA.provenance.jsonl) instead of a project.")
    Path file;

    @Option(names = "--report", description = "Print reject reasons per category and prompt hash, and exit.")
    boolean report;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port (default: a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", description = "Bind address (default: 127.0.0.1).")
    String host;

    @Option(names = "--allow-remote", description = "Allow a non-loopback --host (prints a warning).")
    boolean allowRemote;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw SpotterCli.usage(spec, "--port must be in [0, 65535], was " + port);
        }
        ReviewScope target = scope.resolve(spec, file);
        PrintWriter out = spec.commandLine().getOut();
        if (report) {
            ReviewDecisionsCommands.print(target, out);
            return ExitCodes.OK;
        }
        ReviewApp.Options o = new ReviewApp.Options(host, port, allowRemote, target.lease());
        try (ReviewApp.Running app = CliEnv.spotter(spec).review(target, o)) {
            app.warnings().forEach(w -> spec.commandLine().getErr().println(w));
            out.println("review app: " + app.url());
            out.println("open the URL in a browser on this machine (it carries this run's token); Ctrl+C stops it");
            out.flush();
            app.join();
        }
        return ExitCodes.OK;
    }

    /** {@code spotter review status}: batches and counts per reviewed source, as the build judges them now. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = {
                "Shows each reviewed source's batches: state, records, reviewed, accepted, edited, rejected, required",
                "records still undecided, and the sign-off. Exit 0 every batch passed or failed (nothing pending),",
                "1 something is still to review or sign off, 2 usage/I-O."
            })
    static final class Status implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Mixin
        ReviewScopeOptions scope;

        @Override
        public Integer call() {
            ReviewScope target = scope.resolve(spec, null);
            List<SourceReview> all = target.status();
            PrintWriter out = spec.commandLine().getOut();
            boolean open = false;
            for (SourceReview r : all) {
                SourceReview.Counts t = r.total();
                out.printf(
                        Locale.ROOT,
                        "%s: %,d records, %,d reviewed (%,d accepted, %,d edited, %,d rejected), %,d required undecided%n",
                        r.source(),
                        t.records(),
                        t.decided(),
                        t.accepted(),
                        t.edited(),
                        t.rejected(),
                        t.required());
                for (SourceReview.BatchReview b : r.batches()) {
                    SourceReview.Counts c = b.counts();
                    open |= b.state() == SourceReview.State.IN_REVIEW || b.state() == SourceReview.State.READY;
                    out.printf(
                            Locale.ROOT,
                            "  %-24s %-9s %5d records %5d reviewed %5d rejected %5d required  %s%n",
                            b.batch().id(),
                            b.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            c.records(),
                            c.decided(),
                            c.rejected(),
                            c.required(),
                            b.signOff() == null
                                    ? b.explanation()
                                    : "signed off by " + b.signOff().reviewer());
                }
            }
            if (open) {
                out.println("to continue: " + target.openCommand());
            }
            out.flush();
            return open ? ExitCodes.REJECTS : ExitCodes.OK;
        }
    }

    /** {@code spotter review reopen}: re-opens the generation slots of rejected records for the next generate. */
    @Command(
            name = "reopen",
            mixinStandardHelpOptions = true,
            description = {
                "Re-opens, in the generation state of --state, the slots of the records reviewers rejected in --source,",
                "so the next `spotter generate ... --state DIR` refills exactly those. Exit 0, 2 usage/I-O."
            })
    static final class Reopen implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Mixin
        ProjectOption project;

        @Option(names = "--source", required = true, paramLabel = "ID", description = "The reviewed source.")
        String source;

        @Option(names = "--state", required = true, paramLabel = "DIR", description = "Its generation state.")
        Path state;

        @Override
        public Integer call() {
            var r = CliEnv.spotter(spec).reopenRejected(project.file(), source, state);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "%,d slot%s re-opened%n",
                    r.reopened().size(),
                    r.reopened().size() == 1 ? "" : "s");
            r.reopened().forEach(id -> out.println("  " + id));
            r.notReopened().forEach(id -> out.println("  not re-opened: " + id));
            if (!r.reopened().isEmpty()) {
                out.println("next: spotter generate <plan> --state " + state + " ... refills them");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
