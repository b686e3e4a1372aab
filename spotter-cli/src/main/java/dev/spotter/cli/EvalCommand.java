package dev.spotter.cli;

import dev.spotter.FileException;
import dev.spotter.assemble.DatasetLayout;
import dev.spotter.eval.EvalReport;
import dev.spotter.eval.EvalReports;
import dev.spotter.eval.Evaluator;
import dev.spotter.eval.LlmResponder;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.llm.InferencePrices;
import dev.spotter.llm.LlmClient;
import dev.spotter.llm.LlmClients;
import dev.spotter.llm.LlmConfig;
import dev.spotter.llm.Provider;
import dev.spotter.voice.VoiceParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter eval}: score a model on the held-out split; {@code spotter eval compare A.json B.json}. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Send held-out prompts to an OpenAI-compatible endpoint and score voice parsing, pace math and"
                + " injury analysis (red-flag recall must be 100%%); writes eval.json, eval.html, eval-details.jsonl.",
        subcommands = {EvalCommand.Compare.class})
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "OpenAI-compatible base URL, e.g. https://api.together.xyz/v1.")
    String endpoint;

    @Option(names = "--model", paramLabel = "MODEL", description = "Model to evaluate (the tuned model).")
    String model;

    @Option(
            names = "--baseline-model",
            paramLabel = "MODEL",
            description = "A second model on the same endpoint, for comparison.")
    String baselineModel;

    @Option(
            names = "--split",
            paramLabel = "SPLIT",
            defaultValue = "validation",
            description = "Split name recorded in the report (default ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--data",
            paramLabel = "FILE",
            description = "Held-out chat JSONL (default with --project: the build's <split> file).")
    Path data;

    @Option(
            names = "--project",
            paramLabel = "FILE",
            description = "spotter.yaml: evaluate its built <split> with the provenance sidecar.")
    Path project;

    @Option(
            names = {"--from", "--dataset"},
            paramLabel = "DIR",
            description = "A build's output directory (what spotter build --out wrote), instead of --project.")
    Path dataset;

    @Option(
            names = "--provenance",
            paramLabel = "FILE",
            description = "Provenance sidecar for --data (line N describes line N).")
    Path provenance;

    @Option(names = "--no-parser-baseline", description = "Leave out the deterministic voice parser row.")
    boolean noParser;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "4",
            description = "Calls in flight (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--api-key-env",
            paramLabel = "VAR",
            defaultValue = "OPENAI_API_KEY",
            description = "Environment variable holding the endpoint's key, or none (default ${DEFAULT-VALUE}).")
    String apiKeyEnv;

    @Option(
            names = "--max-tokens",
            defaultValue = "2048",
            paramLabel = "N",
            description = "Most tokens per" + " answer (default ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT120S",
            description = "Per request (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--rpm",
            paramLabel = "N",
            defaultValue = "0",
            description = "Client-side requests per minute, 0 = none.")
    int rpm;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "Evaluate at most N examples (0 = all).")
    int limit;

    @Option(
            names = "--judge-model",
            paramLabel = "MODEL",
            description = "Enable LLM-as-judge for coach/KB answers with this model (costs money).")
    String judgeModel;

    @Option(names = "--judge-endpoint", paramLabel = "URL", description = "Judge base URL (default: --endpoint).")
    String judgeEndpoint;

    @Option(
            names = "--judge-api-key-env",
            paramLabel = "VAR",
            description = "Judge key variable (default: --api-key-env).")
    String judgeKeyEnv;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            defaultValue = "eval-out",
            description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliIo.noStdout(spec, "--out", out, "eval writes a directory (answers, scores, report)");
        if (endpoint == null || model == null) {
            throw SpotterCli.usage(spec, "give --endpoint URL and --model M (or: spotter eval compare A.json B.json)");
        }
        Path input = data;
        Path prov = provenance;
        if (project != null || dataset != null) {
            DatasetLayout built = BuiltDatasets.open(project, dataset, CliEnv.of(spec));
            if (input == null) {
                input = built.split(BuiltDatasets.FORMAT, split);
                if (prov == null && Files.isRegularFile(built.provenance(split))) {
                    prov = built.provenance(split);
                }
            }
        }
        if (input == null) {
            throw SpotterCli.usage(spec, "give --data FILE, --project spotter.yaml or --dataset DIR");
        }
        LlmClient client = LlmClients.create(config(endpoint, apiKeyEnv));
        Evaluator.Builder b = Evaluator.builder(new LlmResponder(client, maxTokens))
                .concurrency(concurrency)
                .limit(limit);
        InferencePrices prices = InferencePrices.bundled();
        b.pricing(LlmResponder.pricing(prices), prices.asOf());
        if (judgeModel != null) {
            LlmClient judge = LlmClients.create(config(
                    judgeEndpoint != null ? judgeEndpoint : endpoint, judgeKeyEnv != null ? judgeKeyEnv : apiKeyEnv));
            b.judge(new LlmResponder(judge, 200), judgeModel);
        }
        if (!noParser) {
            VoiceParser parser = VoiceParser.defaults();
            b.voiceBaseline(utterance -> parser.parse(utterance).toJson());
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw FileException.writing(out, e);
        }
        EvalReport r =
                b.build().run(input, prov, split, endpoint, model, baselineModel, out.resolve("eval-details.jsonl"));
        EvalReports.writeJson(r, out.resolve("eval.json"));
        AtomicFile.write(out.resolve("eval.html"), EvalReports.htmlPage(r));
        PrintWriter pw = spec.commandLine().getOut();
        pw.print(EvalReports.table(r));
        pw.printf(
                Locale.ROOT,
                "wrote %s, %s, %s%n",
                out.resolve("eval.json"),
                out.resolve("eval.html"),
                out.resolve("eval-details.jsonl"));
        pw.flush();
        r.requireAnswers(); // after writing: the files show what failed
        return r.passed() && r.rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTS;
    }

    private LlmConfig config(String url, String keyEnv) {
        return LlmConfig.builder(Provider.OPENAI)
                .baseUrl(url)
                .apiKeyEnv(keyEnv)
                .env(CliEnv.of(spec).lookup())
                .requestTimeout(timeout)
                .requestsPerMinute(rpm)
                .build();
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Two eval.json reports side by side.")
    static final class Compare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(
                index = "0",
                paramLabel = "A.json",
                description = "eval.json of the first run (spotter eval -o DIR writes DIR/eval.json).")
        Path a;

        @Parameters(index = "1", paramLabel = "B.json", description = "eval.json of the run compared with it.")
        Path b;

        @Override
        public Integer call() {
            PrintWriter pw = spec.commandLine().getOut();
            pw.print(EvalReports.compare(EvalReports.read(a), EvalReports.read(b)));
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
