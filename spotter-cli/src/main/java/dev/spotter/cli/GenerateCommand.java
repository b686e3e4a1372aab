package dev.spotter.cli;

import dev.spotter.Spotter;
import dev.spotter.generate.GenerateOptions;
import dev.spotter.generate.Generator;
import dev.spotter.generate.Plan;
import dev.spotter.generate.Plans;
import dev.spotter.generate.Report;
import dev.spotter.llm.InferencePrices;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter generate}: thin adapter over {@link Generator}. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates training examples with an LLM until every category of PLAN has exactly its target of accepted examples.",
            "State (SQLite) lives under --state; kill it at any time and rerun the same command to continue.",
            "Writes OUT (chat JSONL), OUT.provenance.jsonl (line N describes line N) and OUT.rejects.jsonl (quarantine).",
            "API keys are read only from the environment variable named by --api-key-env."
        },
        footer = {
            "",
            "Exit codes: 0 all targets met; 1 stopped short (budget, slots out of attempts, batch incomplete); 2 usage, I/O or provider refused.",
            "Examples:",
            "  spotter generate --list-plans",
            "  spotter generate injury --dry-run --state st/injury -o out/injury.jsonl   (add --model M for a cost estimate)",
            "  OPENAI_API_KEY=... spotter generate injury --provider openai --model gpt-4o --budget-usd 40 --state st/injury -o out/injury.jsonl",
            "  TOGETHER_API_KEY=... spotter generate coach-qa --provider openai --base-url https://api.together.xyz/v1 --api-key-env TOGETHER_API_KEY \\",
            "      --model meta-llama/Llama-3.3-70B-Instruct-Turbo --state st/coach -o out/coach.jsonl",
            "  spotter generate running --provider anthropic --model claude-sonnet-4-5 --state st/run -o out/run.jsonl --batch-export run.batch.jsonl"
        })
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PLAN",
            description = "Bundled plan name (see --list-plans) or path to a plan.yaml.")
    String plan;

    @Option(names = "--list-plans", description = "List bundled plans with their categories and targets, then exit.")
    boolean listPlans;

    @Option(
            names = "--dry-run",
            description = "Show the plan, quotas, progress in --state and a cost estimate; call nothing.")
    boolean dryRun;

    @picocli.CommandLine.Mixin
    LlmOptions llm;

    @Option(
            names = "--price-in",
            paramLabel = "USD",
            description = "Override the price table: input USD per million tokens.")
    Double priceIn;

    @Option(
            names = "--price-out",
            paramLabel = "USD",
            description = "Override the price table: output USD per million tokens.")
    Double priceOut;

    @Option(
            names = "--prices",
            paramLabel = "FILE",
            description = "Price table YAML replacing the bundled one (same shape, must be dated).")
    Path prices;

    @Option(
            names = "--max-attempts-per-slot",
            paramLabel = "N",
            defaultValue = "4",
            description = "Attempts per slot in one run before leaving it open. Default: ${DEFAULT-VALUE}.")
    int maxAttempts;

    @Option(
            names = "--timeout-seconds",
            paramLabel = "S",
            defaultValue = "180",
            description = "Per-request timeout. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @picocli.CommandLine.Mixin
    ProgressOptions progress = new ProgressOptions();

    @ArgGroup(exclusive = true)
    BatchMode batch;

    static final class BatchMode {
        @Option(
                names = "--batch-export",
                paramLabel = "F",
                description =
                        "Write OpenAI Batch / Anthropic Message Batches request JSONL for all open slots instead of calling.")
        Path export;

        @Option(
                names = "--batch-import",
                paramLabel = "F",
                description = "Ingest batch results JSONL (any order; errors and expired are recorded as rejects).")
        Path importFile;
    }

    @Override
    public Integer call() throws Exception {
        CliIo.noStdout(
                spec,
                "-o",
                llm.output,
                "generate rewrites -o from its state on every run and writes .provenance.jsonl and .rejects.jsonl beside it;"
                        + " give a file (and cat it)");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listPlans) {
            for (String name : Plans.bundledNames()) {
                Plan p = Plans.load(name);
                out.printf(Locale.ROOT, "%-10s %5d  %s%n", name, p.totalTarget(), p.description());
                for (Plan.Category c : p.categories()) {
                    out.printf(Locale.ROOT, "    %-22s %5d  %s%n", c.id(), c.target(), c.description());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (plan == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "PLAN is required (or --list-plans)");
        }
        if (llm.state == null || llm.output == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--state and -o/--output are required");
        }
        if ((priceIn == null) != (priceOut == null)) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--price-in and --price-out go together");
        }
        Plan p = Plans.load(plan);
        // a dry run calls nothing, and an imported batch names its model: only a run that calls a provider needs one
        boolean needsModel = !dryRun && !(batch != null && batch.importFile != null);
        if (needsModel && llm.model == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--model is required");
        }
        ProgressRenderer shown = progress.renderer(spec, true); // hours of paid calls: lines in logs too
        GenerateOptions.Builder b = llm.applyTo(
                        GenerateOptions.builder(p, llm.state, llm.output),
                        dryRun ? GenerateOptions.Builder.NO_MODEL : "from-batch",
                        llm.budgetUsd)
                .maxAttemptsPerSlot(maxAttempts)
                .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                .progress(shown.listener())
                .log(shown::log);
        if (prices != null) {
            b.prices(InferencePrices.load(prices));
        }
        if (priceIn != null) {
            b.priceOverride(InferencePrices.Price.perMillion(priceIn, priceOut));
        }
        Spotter spotter = CliEnv.spotter(spec);
        if (dryRun) {
            out.println(spotter.generateDryRun(b));
            out.flush();
            return ExitCodes.OK;
        }
        GenerateOptions o = b.env(spotter.environment().lookup()).build();
        if (batch != null && batch.export != null) {
            long n = Generator.exportBatch(o, batch.export);
            out.printf(
                    Locale.ROOT,
                    "wrote %d %s batch requests to %s (custom_ids registered in %s)%n",
                    n,
                    o.plan().name(),
                    batch.export,
                    llm.state);
            out.flush();
            return ExitCodes.OK;
        }
        if (batch != null && batch.importFile != null) {
            Generator.ImportResult r = Generator.importBatch(o, batch.importFile);
            out.printf(
                    Locale.ROOT,
                    "read %d lines: %d recorded, %d already imported, %d not matched%n",
                    r.lines(),
                    r.recorded(),
                    r.duplicates(),
                    r.unmatched().size());
            r.unmatched().stream().limit(20).forEach(s -> err.println("spotter: " + s));
            out.println(r.report().summary());
            out.flush();
            err.flush();
            return r.report().complete() && r.unmatched().isEmpty() ? ExitCodes.OK : ExitCodes.REJECTS;
        }
        Report r = spotter.generate(b);
        out.println(r.summary());
        out.println("wrote " + llm.output + " (+ .provenance.jsonl, .rejects.jsonl)");
        out.flush();
        return r.complete() ? ExitCodes.OK : ExitCodes.REJECTS;
    }
}
