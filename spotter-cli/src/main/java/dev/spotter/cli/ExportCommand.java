package dev.spotter.cli;

import dev.spotter.assemble.DatasetLayout;
import dev.spotter.train.JobSpec;
import dev.spotter.train.export.ExportReport;
import dev.spotter.train.export.Exporter;
import dev.spotter.train.export.SplitReport;
import dev.spotter.train.export.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter export --target T IN... -o DIR}: platform files, pre-checked with that platform's rules. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write train/validation files in a platform's exact format, checked with its rules,"
                + " plus job.json (together), axolotl.yaml (axolotl) or bedrock-hyperparameters.json (bedrock).")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--target",
            paramLabel = "TARGET",
            required = true,
            description = "together, fireworks, openai, bedrock or axolotl.")
    Target target;

    @Parameters(arity = "0..*", paramLabel = "IN", description = "Training JSONL files ({\"messages\":[...]}).")
    List<Path> inputs = new ArrayList<>();

    @Option(
            names = "--project",
            paramLabel = "FILE",
            description = "spotter.yaml: export its built train/validation split (spotter build first).")
    Path project;

    @Option(
            names = {"--from", "--dataset"},
            paramLabel = "DIR",
            description = "A build's output directory (what spotter build --out wrote): export its split.")
    Path dataset;

    @Option(names = "--validation", paramLabel = "FILE", arity = "1..*", description = "Validation JSONL files.")
    List<Path> validation = new ArrayList<>();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            required = true,
            description = "Output directory.")
    Path out;

    @Option(
            names = "--suffix",
            paramLabel = "TEXT",
            defaultValue = "spotter",
            description = "Model suffix for job.json (default ${DEFAULT-VALUE}).")
    String suffix;

    @Option(
            names = "--epochs",
            defaultValue = "3",
            paramLabel = "N",
            description = "Training epochs for the job" + " file (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--learning-rate",
            defaultValue = "1e-5",
            paramLabel = "RATE",
            description = "Learning rate" + " for the job file (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--batch-size", paramLabel = "N|max", description = "Integer or max (default max).")
    String batchSize;

    @Option(names = "--full", description = "Full fine-tune instead of LoRA.")
    boolean full;

    @Option(
            names = "--lora-r",
            defaultValue = "16",
            paramLabel = "N",
            description = "LoRA rank (default" + " ${DEFAULT-VALUE}).")
    int loraR;

    @Option(
            names = "--lora-alpha",
            defaultValue = "32",
            paramLabel = "N",
            description = "LoRA alpha (default" + " ${DEFAULT-VALUE}).")
    int loraAlpha;

    @Option(
            names = "--train-on-inputs",
            defaultValue = "auto",
            paramLabel = "auto|true|false",
            description =
                    "Together's train_on_inputs: auto (assistant turns only for chat data), true or false (default"
                            + " ${DEFAULT-VALUE}).")
    String trainOnInputs;

    @Option(
            names = "--n-evals",
            paramLabel = "N",
            description = "Evaluations during training (default: 3 with a validation split, else 0).")
    Integer nEvals;

    @Option(
            names = "--sequence-len",
            paramLabel = "N",
            defaultValue = "8192",
            description = "axolotl sequence_len (default ${DEFAULT-VALUE}).")
    int sequenceLen;

    @Option(
            names = "--base-model",
            paramLabel = "MODEL",
            description = "axolotl base model (default meta-llama/Llama-3.3-70B-Instruct).")
    String baseModel;

    @Override
    public Integer call() {
        CliIo.noStdout(spec, "--out", out, "export writes a directory (train, validation, manifest)");
        Target t = target;
        List<Path> train = inputs;
        List<Path> val = validation;
        if (project != null || dataset != null) {
            if (!inputs.isEmpty()) {
                throw SpotterCli.usage(spec, "give --project or --dataset, or input files, not both");
            }
            DatasetLayout built = BuiltDatasets.open(project, dataset, CliEnv.of(spec));
            train = List.of(built.train(BuiltDatasets.FORMAT));
            if (val.isEmpty() && java.nio.file.Files.isRegularFile(built.validation(BuiltDatasets.FORMAT))) {
                val = List.of(built.validation(BuiltDatasets.FORMAT));
            }
        }
        if (train.isEmpty()) {
            throw SpotterCli.usage(spec, "give input files, --project spotter.yaml or --dataset DIR");
        }
        int evals = nEvals != null ? nEvals : (val.isEmpty() ? 0 : 3);
        JobSpec js = JobSpec.builder()
                .nEvals(evals)
                .suffix(suffix)
                .epochs(epochs)
                .learningRate(learningRate)
                .batchSize(batchSize == null || batchSize.equals("max") ? null : Integer.valueOf(batchSize))
                .lora(!full)
                .loraR(loraR)
                .loraAlpha(loraAlpha)
                .trainOnInputs(trainOnInputs)
                .build();
        Exporter.Builder b = Exporter.builder(t, out).jobSpec(js).sequenceLen(sequenceLen);
        if (baseModel != null) {
            b.hfBaseModel(baseModel);
        }
        ExportReport r = b.build().export(train, val);
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "export --target %s -> %s%n", r.target(), r.outDir());
        for (SplitReport s : r.splits()) {
            pw.printf(
                    Locale.ROOT,
                    "  %-10s read %d  accepted %d  rejected %d%s%n",
                    s.split(),
                    s.read(),
                    s.accepted(),
                    s.rejected(),
                    s.reasons().isEmpty() ? "" : "  " + s.reasons());
        }
        pw.println("  files: " + String.join(", ", r.files()));
        r.recommendations().forEach((k, v) -> pw.println("  " + k + ": " + v));
        r.notes().forEach(n -> pw.println("  note: " + n));
        r.errors().forEach(e -> pw.println("  ERROR: " + e));
        return r.clean() ? ExitCodes.OK : ExitCodes.REJECTS;
    }
}
