package dev.spotter.cli;

import dev.spotter.review.DecisionsJsonl;
import dev.spotter.review.RejectReport;
import dev.spotter.review.ReviewScope;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter review export | import | report}: decisions as JSONL, and the reject reasons table. */
final class ReviewDecisionsCommands {
    private ReviewDecisionsCommands() {}

    /** {@code spotter review export}. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Writes every live decision as JSONL (one line per decision: source, content_hash, record, action,",
                "reason, note, edited content, reviewer, time, time spent; see docs/areas/review.md). Exit 0, 2 I/O."
            })
    static final class Export implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        ReviewScopeOptions scope;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The JSONL file to write.")
        Path out;

        @Override
        public Integer call() {
            int n = scope.resolve(spec, null).exportDecisions(out);
            spec.commandLine()
                    .getOut()
                    .printf(Locale.ROOT, "%,d decision%s written to %s%n", n, n == 1 ? "" : "s", out);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code spotter review import}. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Imports decisions from JSONL files (one reviewer's export, or several merged). All or nothing: a",
                "malformed line rejects the file (FILE:LINE: reason), nothing stored. Several decisions on a record:",
                "the same verdict is one decision; rejects differing in reason keep the later; accept vs reject or",
                "edit is a conflict, reported and not applied (the record stays undecided). A decision on a record",
                "that is not in the file now, or that contradicts review.db, is reported and not applied.",
                "Exit 0 all applied, 1 something reported and not applied, 2 malformed file or I/O."
            })
    static final class Import implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        ReviewScopeOptions scope;

        @Parameters(paramLabel = "DECISIONS.jsonl", arity = "1", description = "The decisions to import.")
        Path in;

        @Override
        public Integer call() {
            DecisionsJsonl.ImportResult r = scope.resolve(spec, null).importDecisions(in);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!r.ok()) {
                r.errors().forEach(e -> err.println(e.format(in)));
                err.printf(
                        Locale.ROOT,
                        "spotter: nothing imported: %,d bad line%s in %s%n",
                        r.errors().size(),
                        r.errors().size() == 1 ? "" : "s",
                        in);
                err.flush();
                return ExitCodes.USAGE_OR_IO;
            }
            r.notApplied().forEach(n -> err.println(n.format(in)));
            out.printf(
                    Locale.ROOT,
                    "%,d line%s read: %,d decision%s stored, %,d already there or repeated, %,d not applied%n",
                    r.read(),
                    r.read() == 1 ? "" : "s",
                    r.stored(),
                    r.stored() == 1 ? "" : "s",
                    r.skipped(),
                    r.notApplied().size());
            out.flush();
            err.flush();
            return r.notApplied().isEmpty() ? ExitCodes.OK : ExitCodes.REJECTS;
        }
    }

    /** {@code spotter review report}. */
    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = {
                "Reject reasons per category and per prompt hash (records, reviewed, rejected, rate = rejected /",
                "reviewed, rejects by reason code), worst prompt first, so a bad prompt template shows as a number.",
                "Exit 0, 2 usage/I-O."
            })
    static final class Report implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        ReviewScopeOptions scope;

        @Override
        public Integer call() {
            print(scope.resolve(spec, null), spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    /** Prints the reject reasons table of {@code scope}. */
    static void print(ReviewScope scope, PrintWriter out) {
        RejectReport report = scope.report();
        String source = null;
        for (RejectReport.Row row : report.rows()) {
            if (!row.source().equals(source)) {
                source = row.source();
                out.printf(Locale.ROOT, "%s: reject reasons (rate = rejected / reviewed)%n", source);
                out.printf(
                        Locale.ROOT,
                        "  %-30s %8s %8s %8s %7s  %s%n",
                        "category / prompt",
                        "records",
                        "reviewed",
                        "rejected",
                        "rate",
                        "reasons");
            }
            String label = row.kind() == RejectReport.Kind.CATEGORY
                    ? (row.key().isEmpty() ? "(no category)" : row.key())
                    : "  prompt " + shortHash(row.key()) + " (" + row.category() + ")";
            out.printf(
                    Locale.ROOT,
                    "  %-30s %,8d %,8d %,8d %6.1f%%  %s%n",
                    label,
                    row.records(),
                    row.decided(),
                    row.rejected(),
                    100 * row.rejectRate(),
                    reasons(row.reasons()));
        }
        if (report.rows().isEmpty()) {
            out.println("nothing to report: no reviewed file has records");
        }
        out.flush();
    }

    private static String shortHash(String h) {
        return h.length() > 12 ? h.substring(0, 12) : h;
    }

    private static String reasons(Map<String, Integer> m) {
        return m.isEmpty()
                ? "-"
                : m.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
    }
}
