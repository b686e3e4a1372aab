package dev.spotter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.format.ValidationSummary;
import dev.spotter.kernel.TokenPrice;
import dev.spotter.report.CostAccumulator;
import dev.spotter.report.CostEstimate;
import dev.spotter.report.TrainingPrices;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter cost}: thin adapter over {@link CostAccumulator}, {@link CostEstimate} and {@link TrainingPrices}. */
@Command(
        name = "cost",
        mixinStandardHelpOptions = true,
        description = {
            "Estimate training cost: billed tokens = sum over valid examples of min(cap, tokens) x epochs",
            "(epochs default to the OpenAI cookbook rule: 3, more for tiny sets, fewer for huge ones).",
            "Valid is what spotter validate accepts; the other lines are counted and left out.",
            "Either a FILE of chat JSONL, or a plan: --examples N --avg-tokens T.",
            "Prices come from a dated table (spotter cost --list-prices); override with --price-per-1k or --prices."
        })
public final class CostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Chat JSONL; - for stdin.")
    String input;

    @Option(names = "--examples", paramLabel = "N", description = "Plan mode: number of examples (no FILE).")
    Long examples;

    @Option(names = "--avg-tokens", paramLabel = "T", description = "Plan mode: average tokens per example.")
    Long avgTokens;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Epochs (default: cookbook rule for the example count).")
    Integer epochs;

    @ArgGroup(exclusive = true)
    PriceChoice price = new PriceChoice();

    static final class PriceChoice {
        @Option(names = "--price-per-1k", paramLabel = "USD", description = "Price per 1,000 billed tokens.")
        BigDecimal perK;

        @Option(names = "--provider", paramLabel = "P", description = "A provider of the price table.")
        String provider;
    }

    @Option(names = "--prices", paramLabel = "FILE", description = "Price table YAML replacing the bundled one.")
    Path prices;

    @Option(names = "--list-prices", description = "Print the price table and exit.")
    boolean listPrices;

    @Option(names = "--json", description = "Print the estimate as one JSON object.")
    boolean json;

    @Mixin
    DataOptions options = new DataOptions();

    @Override
    public Integer call() throws Exception {
        TrainingPrices table = prices == null ? TrainingPrices.bundled() : TrainingPrices.load(prices);
        PrintWriter out = spec.commandLine().getOut();
        if (listPrices) {
            for (TrainingPrices.Price p : table.providers().values()) {
                out.printf(
                        "%s: %s %s per 1K tokens, as of %s, token cap %s%n  source: %s%n%s",
                        p.provider(),
                        p.pricePer1k().toPlainString(),
                        table.currency(),
                        p.asOf(),
                        p.tokenCap() == 0 ? "none" : String.format("%,d", p.tokenCap()),
                        p.source(),
                        p.note().isEmpty() ? "" : "  note: " + p.note() + "\n");
            }
            out.flush();
            return ExitCodes.OK;
        }
        TrainingPrices.Price p = price.provider != null ? table.get(price.provider) : table.defaultPrice();
        if (price.perK != null && price.perK.signum() < 0) {
            throw SpotterCli.usage(spec, "--price-per-1k must be >= 0, was " + price.perK);
        }
        TokenPrice perToken = price.perK != null ? TokenPrice.perThousand(price.perK) : p.price();
        if (epochs != null && epochs < 1) {
            throw SpotterCli.usage(spec, "--epochs must be >= 1, was " + epochs);
        }
        boolean plan = examples != null || avgTokens != null;
        if (plan == (input != null)) {
            throw SpotterCli.usage(spec, "give either FILE or --examples N --avg-tokens T");
        }
        CostEstimate c;
        ValidationSummary s = null;
        long capped = 0;
        if (plan) {
            if (examples == null || avgTokens == null || examples < 0 || avgTokens < 0) {
                throw SpotterCli.usage(spec, "plan mode needs both --examples N and --avg-tokens T (>= 0)");
            }
            c = CostEstimate.fromAverages(
                    examples, avgTokens, epochs == null ? CostEstimate.defaultEpochs(examples) : epochs, perToken);
        } else {
            CliIo.checkReadable(List.of(input));
            // validate's definition of a valid example (token limit included): what is priced is what would ship
            ChatValidator v = options.validator(CliTokens.llama3()).build();
            CostAccumulator acc = new CostAccumulator(p.tokenCap());
            try (InputStream in = CliIo.open(input)) {
                s = v.validate(in, input, acc, QuarantineWriter.discarding());
            }
            c = acc.estimate(epochs, perToken);
            capped = acc.cappedExamples();
        }
        String priceSource = price.perK != null ? "--price-per-1k" : p.provider() + " (as of " + p.asOf() + ")";
        if (json) {
            ObjectNode o = SummaryPrinter.JSON.createObjectNode();
            o.put("examples", c.examples())
                    .put("tokens_per_epoch", c.tokensPerEpoch())
                    .put("epochs", c.epochs())
                    .put("billed_tokens", c.billedTokens())
                    .put("price_per_1k", c.pricePer1k().toBigDecimal())
                    .put("currency", table.currency())
                    .put("cost", c.cost().toBigDecimal())
                    .put("price_source", priceSource);
            if (s != null) {
                o.put("invalid_lines", s.rejected()).put("capped_examples", capped);
            }
            out.println(o);
        } else {
            out.printf(
                    "%,d examples = %,d tokens per epoch (%s) x %d epochs%s = %,d billed tokens%n",
                    c.examples(),
                    c.tokensPerEpoch(),
                    plan ? "plan" : "Llama 3 tokens, rendered",
                    c.epochs(),
                    epochs == null ? " (cookbook default)" : "",
                    c.billedTokens());
            out.printf(
                    "at %s %s per 1K tokens [%s]: %s %s%n",
                    c.pricePer1k().toPlainString(),
                    table.currency(),
                    priceSource,
                    c.costRounded().toPlainString(),
                    table.currency());
            if (s != null && s.rejected() > 0) {
                out.println("note: " + SummaryPrinter.leftOut(s));
            }
            if (capped > 0) {
                out.printf("note: %,d example(s) billed at the %,d-token cap%n", capped, p.tokenCap());
            }
        }
        out.flush();
        if (s != null && c.examples() == 0) {
            // nothing priced is not an estimate: an empty file, or one with no valid chat example (e.g. {"text"})
            spec.commandLine()
                    .getErr()
                    .printf(
                            "spotter cost: no valid chat example in %s (%,d lines read, %,d invalid: run spotter"
                                    + " validate)%n",
                            input, s.read(), s.rejected());
            spec.commandLine().getErr().flush();
            return ExitCodes.REJECTS;
        }
        return ExitCodes.OK;
    }
}
