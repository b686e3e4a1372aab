package dev.spotter.cli;

import dev.spotter.ConfigurationException;
import dev.spotter.DataSourceException;
import dev.spotter.generate.GenerateOptions;
import dev.spotter.generate.Generator;
import dev.spotter.kb.GroundingChecker;
import dev.spotter.kb.KbCoverage;
import dev.spotter.kb.KbGeneration;
import dev.spotter.kb.KbPlan;
import dev.spotter.kb.KbPlanning;
import dev.spotter.kernel.Sidecars;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spotter kb generate}: chunks → grounded examples through the generation engine, with top-up rounds. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Turn knowledge-base chunks into grounded Q&A and multi-turn conversations with an LLM, through the"
                    + " generation engine (same state, resume, rate limits and budget as `spotter generate`), then check"
                    + " grounding and per-chunk coverage.",
            "Writes OUT (all examples the engine accepted), OUT.provenance.jsonl (chunk id in attributes.source_id,"
                    + " its text hash in attributes.source_sha256), OUT.grounded.jsonl (examples that passed the"
                    + " grounding check, all rounds), OUT.kb-rejects.jsonl and OUT.kb-excluded.jsonl (chunks left"
                    + " out of the plan, with the reason).",
            "Before any request, the knowledge base is linted (special tokens, prompt injection, near duplicates,"
                    + " chunks over the token limit); a blocking finding stops the run unless --force.",
            "Grounding is checked inside the engine: an ungrounded answer is a reject (reason ungrounded, in"
                    + " OUT.rejects.jsonl) and its slot is retried; slots still open after their attempts are generated"
                    + " again in up to --top-up-rounds rounds, each reported. Examples whose chunk changed since they"
                    + " were generated are retired and regenerated; nothing else is.",
            "API keys are read only from the environment variable named by --api-key-env."
        },
        footer = {
            "",
            "Exit codes: 0 every chunk covered and grounded; 1 short or rejected; 2 usage, I/O, lint or provider refused.",
            "Example:",
            "  OPENAI_API_KEY=... spotter kb generate --model gpt-4o --budget-usd 5 --state st/kb -o out/kb.jsonl"
        })
final class KbGenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    KbCommand.ChunksOption chunks;

    @CommandLine.Mixin
    KbCommand.SourceOptions src;

    @CommandLine.Mixin
    KbCommand.PlanOptions planOptions;

    @CommandLine.Mixin
    LlmOptions llm;

    @CommandLine.Mixin
    ProgressOptions progress = new ProgressOptions();

    @Option(
            names = "--min-score",
            paramLabel = "SCORE",
            defaultValue = "0.55",
            description = "Grounding threshold, 0..1 (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Option(names = "--dry-run", description = "Show the lint, the plan, quotas and a cost estimate; call nothing.")
    boolean dryRun;

    @Option(names = "--print-plan", description = "Print the generated kb plan as YAML and exit.")
    boolean printPlan;

    @Option(names = "--force", description = "Generate even when the lint found blocking problems.")
    boolean force;

    @Option(
            names = "--top-up-rounds",
            paramLabel = "N",
            defaultValue = "2",
            description = "After a round that left slots open (out of attempts), generate the per-chunk shortfall again"
                    + " with new attributes, at most N times (state STATE-topup-N, output OUT.topup-N.jsonl); each"
                    + " round is reported. Default: ${DEFAULT-VALUE}.")
    int topUpRounds;

    @Override
    public Integer call() throws Exception {
        CliIo.noStdout(
                spec,
                "-o",
                llm.output,
                "kb generate rewrites -o from its state on every run and writes .provenance.jsonl and .rejects.jsonl beside it;"
                        + " give a file (and cat it)");
        var out = spec.commandLine().getOut();
        if (!printPlan && (llm.state == null || llm.output == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--state and -o/--output are required");
        }
        if (llm.model == null && !dryRun && !printPlan) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model is required");
        }
        if (topUpRounds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top-up-rounds must be >= 0");
        }
        GroundingChecker checker;
        try {
            checker = GroundingChecker.builder().minScore(minScore).build();
        } catch (ConfigurationException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        KbPlanning p = KbCommand.plan(spec, src, chunks, planOptions);
        if (printPlan) {
            out.print(KbPlan.yaml(p.quotas()));
            out.flush();
            return ExitCodes.OK;
        }
        out.print(p.lint().text(20));
        p.writeExcluded(Sidecars.of(llm.output, ".kb-excluded.jsonl"));
        if (p.quotas().isEmpty()) {
            throw new DataSourceException("no chunk can be planned (every chunk was left out; see above)");
        }
        ProgressRenderer shown = progress.renderer(spec, true);
        KbGeneration.Round round = (plan, st, outPath, budget) -> llm.applyTo(
                        GenerateOptions.builder(plan, st, outPath), GenerateOptions.Builder.NO_MODEL, budget)
                .env(CliEnv.of(spec).lookup())
                .progress(shown.listener())
                .log(shown::log);
        if (dryRun) {
            out.println(Generator.dryRun(round.options(KbPlan.build(p.quotas()), llm.state, llm.output, llm.budgetUsd)
                    .build()));
            if (p.lint().blocking()) {
                out.println("kb generate would refuse to start: the lint has blocking findings (see above; --force"
                        + " overrides)");
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (p.lint().blocking() && !force) {
            out.flush();
            throw new DataSourceException("kb generate: the knowledge base has "
                    + p.lint().findings().stream()
                            .filter(f -> f.kind().blocking())
                            .count()
                    + " blocking lint findings (listed above): fix those chunks, split long ones with --split-long,"
                    + " or pass --force to generate anyway; nothing was sent");
        }
        KbGeneration.Result r =
                KbGeneration.run(round, llm.state, llm.output, p.quotas(), checker, topUpRounds, llm.budgetUsd);
        if (r.retired() > 0) {
            out.println("retired " + r.retired() + " examples whose chunk changed since they were generated;"
                    + " their slots were generated again");
        }
        for (int i = 0; i < r.rounds().size(); i++) {
            out.println((i == 0 ? "round 0" : "top-up round " + i) + " ("
                    + r.asked().get(i) + " examples asked): "
                    + r.rounds().get(i).summary());
        }
        out.print(KbCoverage.table(r.coverage()));
        out.println("grounded examples: " + r.grounded() + " ("
                + r.coverage().accepted() + ")"
                + (r.coverage().rejected() > 0
                        ? "; quarantined: " + r.rejects() + " (" + r.coverage().rejected() + ")"
                        : "")
                + (r.shortfall() > 0
                        ? "; still short of the targets by " + r.shortfall() + " examples after "
                                + (r.rounds().size() - 1) + " top-up rounds"
                        : ""));
        out.flush();
        return r.ok() ? ExitCodes.OK : ExitCodes.REJECTS;
    }
}
