package dev.spotter.cli;

import dev.spotter.assemble.DatasetLayout;
import dev.spotter.format.Converter;
import dev.spotter.format.TrainOn;
import dev.spotter.train.export.Target;
import dev.spotter.train.export.TokenPreview;
import dev.spotter.train.export.TrainRule;
import dev.spotter.train.export.TrainerPreview;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spotter preview --target T --dataset DIR}: the exact token stream a platform's trainer sees for a few
 * examples per category, trained (loss) tokens marked, and counts of examples with no trained token, over the
 * target's length limit, or with a second BOS ({@link TrainerPreview}).
 */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what the trainer will learn: for a few examples per category, the exact Llama 3.3 token stream"
                    + " of the target's trainer with the trained (loss) tokens marked [[like this]] (green on a"
                    + " terminal); then, over every example of the split, how many have zero trainable tokens,"
                    + " exceed the target's length limit (the one spotter export applies: none for fireworks and"
                    + " bedrock), carry two BOS tokens, or hold a special-token string in a message. Give the"
                    + " export's settings (--train-on-inputs, --sequence-len) to see what that export trains on.",
            "%nExit codes: 0 no warning; 1 some example has a warning; 2 bad options or files."
        })
final class PreviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--target",
            required = true,
            paramLabel = "TARGET",
            description = "together, fireworks," + " openai, bedrock or axolotl.")
    Target target;

    @Option(
            names = "--dataset",
            required = true,
            paramLabel = "DIR",
            description = "A build's output directory" + " (with messages/ and provenance/).")
    Path dataset;

    @Option(
            names = "--split",
            defaultValue = "train",
            paramLabel = "SPLIT",
            description = "train or validation" + " (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--per-category",
            defaultValue = "1",
            paramLabel = "N",
            description = "Examples shown per" + " category (default: ${DEFAULT-VALUE}).")
    int perCategory;

    @Option(
            names = "--train-on-inputs",
            defaultValue = "auto",
            paramLabel = "auto|true|false",
            description = "Together's train_on_inputs, as given to spotter export (default: ${DEFAULT-VALUE}).")
    String trainOnInputs;

    @Option(
            names = "--sequence-len",
            defaultValue = "8192",
            paramLabel = "N",
            description = "axolotl sequence_len, as given to spotter export (default: ${DEFAULT-VALUE}).")
    int sequenceLen;

    @Option(
            names = "--train-on",
            defaultValue = "source",
            paramLabel = "source|last|all",
            description = "Weights as spotter convert --train-on would write them: source (as built), last or all"
                    + " (default: ${DEFAULT-VALUE}).")
    TrainOn trainOn;

    @Option(names = "--color", negatable = true, description = "Colour the trained tokens (default: on a terminal).")
    Boolean color;

    @Override
    public Integer call() {
        Target t = target;
        DatasetLayout l = DatasetLayout.open(dataset, "messages");
        TrainRule rule = new TrainRule(t, trainOnInputs, sequenceLen);
        TrainOn weights = trainOn;
        TrainerPreview p = TrainerPreview.scan(
                rule,
                l.split("messages", split),
                l.provenance(split),
                perCategory,
                ex -> Converter.weighted(ex, weights));
        boolean ansi = color != null ? color : System.console() != null;
        PrintWriter out = spec.commandLine().getOut();
        p.shown().forEach((category, previews) -> {
            for (TokenPreview tp : previews) {
                out.printf(
                        "== %s · %s · %d tokens, %d trained%s%n",
                        category,
                        t.id(),
                        tp.tokens().size(),
                        tp.trained(),
                        tp.warnings().isEmpty() ? "" : " · " + String.join(", ", tp.warnings()));
                out.println(render(tp.tokens(), ansi));
            }
        });
        out.printf("%s %s: %,d examples checked for %s: %s%n", split, l.dir(), p.examples(), t.id(), rule.describe());
        List<String> parts = p.warnings().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .toList();
        out.println("warnings: " + String.join(", ", parts));
        p.firstExamples().forEach((w, ids) -> out.println("  " + w + ": " + String.join(", ", ids)));
        out.flush();
        return p.warned() == 0 ? 0 : 1;
    }

    /** The stream as text; each run of trained tokens in [[ ]] (or green). */
    static String render(List<TokenPreview.Token> tokens, boolean ansi) {
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (TokenPreview.Token tok : tokens) {
            if (tok.trained() != in) {
                b.append(ansi ? (tok.trained() ? "\u001b[42;30m" : "\u001b[0m") : (tok.trained() ? "[[" : "]]"));
                in = tok.trained();
            }
            b.append(tok.text());
        }
        if (in) {
            b.append(ansi ? "\u001b[0m" : "]]");
        }
        return b.toString();
    }
}
