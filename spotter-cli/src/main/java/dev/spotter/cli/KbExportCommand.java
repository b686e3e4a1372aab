package dev.spotter.cli;

import dev.spotter.kb.Categories;
import dev.spotter.kb.KbExport;
import dev.spotter.kb.KbLint;
import dev.spotter.kb.KbPlanning;
import dev.spotter.kb.KbSource;
import dev.spotter.kb.KbSplitter;
import dev.spotter.kernel.Sidecars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spotter kb export}: table (or REST API, or the sample) → chunks JSONL, with the lint report. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write the knowledge base as chunks JSONL (canonical: re-importing and re-exporting gives the same bytes),"
                    + " and lint it: special tokens, prompt injection, duplicates, chunks over the token limit, rows"
                    + " without a known category (findings also in OUTPUT with .lint.jsonl).",
            "Without --db-url, --supabase-url and $" + KbSource.URL_ENV + ", exports the bundled 23-chunk sample"
                    + " (and says so)."
        },
        footer = {"", "Exit codes: 0 exported; 1 some rows rejected (see the quarantine file); 2 usage, I/O or refused."
        })
final class KbExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    KbCommand.SourceOptions db;

    @CommandLine.Mixin
    KbCommand.PlanOptions plan;

    @Option(
            names = "--category",
            paramLabel = "C",
            description = "Only rows of category C, compared as the quota policy compares them ('  MVQ ' is mvq).")
    String category;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Output chunks JSONL; - for stdout (messages then go to stderr, the quarantine and lint to"
                    + " ./kb-export.quarantine.jsonl and ./kb-export.lint.jsonl).")
    Path output;

    @Option(
            names = "--quarantine",
            paramLabel = "FILE",
            description = "Rows that cannot be exported, with reasons (default: OUTPUT with .quarantine.jsonl).")
    Path quarantine;

    @Override
    public Integer call() throws IOException {
        try (CliIo.FileOrStdout target = new CliIo.FileOrStdout(output)) {
            return export(target);
        }
    }

    private int export(CliIo.FileOrStdout target) throws IOException {
        // with -o -, the chunks go to stdout, every message to stderr, and the sidecars to ./kb-export.*.jsonl
        Path base = target.stdout() ? Path.of("kb-export.jsonl") : output;
        Path q = quarantine != null ? quarantine : Sidecars.of(base, ".quarantine.jsonl");
        var spotter = CliEnv.spotter(spec);
        KbSource source = spotter.kbSource(db.request(null));
        var policy = plan.policy();
        Predicate<String> wanted = category == null ? c -> true : Categories.matcher(category, policy);
        KbExport.Result r = spotter.kbExport(
                source,
                wanted,
                target.path(),
                q,
                new KbLint(policy, plan.maxChunkTokens),
                plan.splitLong ? new KbSplitter(plan.maxChunkTokens) : null);
        var s = r.stats();
        target.finish();
        var out = CliIo.report(spec, output.toString());
        out.printf(
                "kb export: read %d, exported %d, rejected %d%s from %s -> %s%s%n",
                s.read(),
                s.accepted(),
                s.rejected(),
                s.skipped() > 0 ? ", other categories " + s.skipped() : "",
                source.describe(),
                target.stdout() ? "stdout" : output,
                s.rejected() > 0 ? " (rejects: " + q + ")" : "");
        if (r.split() > 0) {
            out.printf("split %d long chunks into parts: %d lines written%n", r.split(), r.written());
        }
        s.notes().forEach((note, n) -> out.printf("note: %s (%d rows)%n", note, n));
        Path lintFile = Sidecars.of(base, ".lint.jsonl");
        if (r.lint().findings().isEmpty()) {
            Files.deleteIfExists(lintFile);
        } else {
            KbPlanning.writeLint(r.lint(), lintFile);
        }
        out.print(r.lint().text(20));
        if (!r.lint().findings().isEmpty()) {
            out.println("lint findings: " + lintFile);
        }
        out.flush();
        return s.rejected() > 0 ? ExitCodes.REJECTS : ExitCodes.OK;
    }
}
