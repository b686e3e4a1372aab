package dev.spotter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.format.AcceptedLine;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.FakeTokens;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.format.ValidationSummary;
import dev.spotter.kernel.TokenPrice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @Test
    void reproducesTheBriefsArithmetic() {
        // Brief: 6,265 examples x 1,200 tokens avg x 3 epochs = 22.6M tokens; ~$0.0008 per 1K -> ~$18.
        CostEstimate c = CostEstimate.fromAverages(6_265, 1_200, 3, TokenPrice.perThousand(new BigDecimal("0.0008")));
        assertThat(c.billedTokens()).isEqualTo(22_554_000L);
        assertThat(c.cost().toBigDecimal()).isEqualByComparingTo("18.0432");
        assertThat(c.costRounded()).isEqualByComparingTo("18.04");
        // and the cookbook's default epochs for 6,265 examples is 3, so the brief's plan matches the default
        assertThat(CostEstimate.defaultEpochs(6_265)).isEqualTo(3);
    }

    @Test
    void cookbookEpochRule() {
        assertThat(CostEstimate.defaultEpochs(10)).isEqualTo(10); // 30 < 100 -> min(25, 100 // 10)
        assertThat(CostEstimate.defaultEpochs(2)).isEqualTo(25); // min(25, 50)
        assertThat(CostEstimate.defaultEpochs(33)).isEqualTo(3); // 99 < 100 -> 100 // 33 = 3
        assertThat(CostEstimate.defaultEpochs(34)).isEqualTo(3); // 102: default
        assertThat(CostEstimate.defaultEpochs(8_333)).isEqualTo(3); // 24,999
        assertThat(CostEstimate.defaultEpochs(8_334)).isEqualTo(2); // 25,002 > 25,000 -> 25,000 // 8,334
        assertThat(CostEstimate.defaultEpochs(40_000)).isEqualTo(1); // max(1, 0)
    }

    @Test
    void accumulatorCapsEachExample() {
        CostAccumulator acc = new CostAccumulator(100);
        acc.accept(50);
        acc.accept(250);
        assertThat(acc.tokensPerEpoch()).isEqualTo(150);
        assertThat(acc.cappedExamples()).isEqualTo(1);
        CostEstimate c = acc.estimate(null, TokenPrice.perThousand(new BigDecimal("0.002")));
        assertThat(c.epochs()).isEqualTo(25); // 2 examples: min(25, 100 // 2)
        assertThat(c.billedTokens()).isEqualTo(150 * 25);
        assertThat(c.cost().toBigDecimal()).isEqualByComparingTo("0.0075");
        assertThatThrownBy(() -> CostEstimate.of(1, 1, 0, TokenPrice.perThousand(BigDecimal.ONE)))
                .hasMessageContaining("epochs");
    }

    @Test
    void histogramPercentilesAreNearestRank() {
        IntHistogram h = new IntHistogram();
        for (int v : new int[] {5, 1, 4, 2, 3, 10, 9, 8, 7, 6}) {
            h.add(v);
        }
        IntHistogram.Summary s = h.summary();
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.p10()).isEqualTo(1);
        assertThat(s.median()).isEqualTo(5);
        assertThat(s.p90()).isEqualTo(9);
        assertThat(s.max()).isEqualTo(10);
        assertThat(s.total()).isEqualTo(55);
        assertThat(h.countAbove(7)).isEqualTo(3);
        assertThat(new IntHistogram().summary().median()).isZero();
        assertThatThrownBy(() -> h.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void niceBinsCoverZeroToMaxWithAOneTwoFiveWidth() {
        IntHistogram h = new IntHistogram();
        for (int v : new int[] {0, 5, 19, 20, 252}) {
            h.add(v);
        }
        // ceil(252 / 20) = 13 -> width 20: 13 bins [0, 20) ... [240, 260)
        List<IntHistogram.Bin> bins = h.niceBins(20);
        assertThat(bins).hasSize(13);
        assertThat(bins.get(0)).isEqualTo(new IntHistogram.Bin(0, 20, 3));
        assertThat(bins.get(1)).isEqualTo(new IntHistogram.Bin(20, 40, 1));
        assertThat(bins.get(12)).isEqualTo(new IntHistogram.Bin(240, 260, 1));
        assertThat(bins.stream().mapToLong(IntHistogram.Bin::count).sum()).isEqualTo(5);
        // ceil(2001 / 20) = 101 -> width 200
        IntHistogram wide = new IntHistogram();
        wide.add(2001);
        assertThat(wide.niceBins(20)).hasSize(11).last().isEqualTo(new IntHistogram.Bin(2000, 2200, 1));
        IntHistogram zero = new IntHistogram();
        zero.add(0);
        assertThat(zero.niceBins(20)).containsExactly(new IntHistogram.Bin(0, 1, 1));
        assertThat(new IntHistogram().niceBins(20)).isEmpty();
        assertThatThrownBy(() -> h.niceBins(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statsCountsMissingRolesTrainableTokensAndOverLimit() throws IOException {
        String in = String.join(
                "\n",
                "{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"u\"},{\"role\":\"assistant\",\"content\":\"12345678\"}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(400)
                        + "\"},{\"role\":\"assistant\",\"content\":\"1234\",\"weight\":0},"
                        + "{\"role\":\"user\",\"content\":\"u\"},{\"role\":\"assistant\",\"content\":\" 1234 \"}]}",
                "garbage");
        ChatValidator v = ChatValidator.builder()
                .tokenCounter(FakeTokens.INSTANCE)
                .noTokenLimit()
                .build();
        DatasetStats stats = new DatasetStats(FakeTokens.INSTANCE, 100);
        ValidationSummary s = v.validate(
                new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                "in",
                stats,
                QuarantineWriter.discarding());
        DatasetStats.StatsReport r = stats.report(s);
        assertThat(r.examples()).isEqualTo(2);
        assertThat(r.validation().rejected()).isEqualTo(1);
        assertThat(r.messagesPerExample().min()).isEqualTo(3);
        assertThat(r.messagesPerExample().max()).isEqualTo(4);
        assertThat(r.missingSystem()).isEqualTo(1);
        assertThat(r.missingUser()).isZero();
        // FakeTokens: 8 chars -> 2 (+1 eot) = 3; second: weight-0 turn skipped, " 1234 " trimmed -> 1 (+1) = 2
        assertThat(r.assistantTokens().min()).isEqualTo(2);
        assertThat(r.assistantTokens().max()).isEqualTo(3);
        assertThat(r.overLimit()).isEqualTo(1); // the 400-char example renders to > 100 fake tokens
    }

    @Test
    void statsFallsBackToCountingWhenTheValidatorDidNot() {
        DatasetStats stats = new DatasetStats(FakeTokens.INSTANCE, 10);
        stats.accept(new AcceptedLine(
                "f", 1, ChatExample.of(ChatMessage.user("u"), ChatMessage.assistant("a")), "abcdefgh", -1));
        assertThat(stats.report(ValidationSummary.empty()
                                .plus(new ValidationSummary(1, 1, 0, java.util.Map.of(), java.util.List.of()), 1))
                        .totalTokens()
                        .max())
                .isEqualTo(2);
    }

    @Test
    void bundledPriceTableIsDatedAndSourced(@TempDir Path dir) throws IOException {
        TrainingPrices t = TrainingPrices.bundled();
        TrainingPrices.Price p = t.defaultPrice();
        assertThat(p.provider()).isEqualTo("brief");
        assertThat(p.pricePer1k().toBigDecimal()).isEqualByComparingTo("0.0008");
        assertThat(p.asOf()).isEqualTo("2025-11-07");
        assertThat(p.tokenCap()).isEqualTo(24_576);
        assertThatThrownBy(() -> t.get("nope")).hasMessageContaining("known providers: brief");
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "providers:\n  acme:\n    price_per_1k_tokens: 0.01\n    source: quote\n");
        assertThatThrownBy(() -> TrainingPrices.load(f)).hasMessageContaining("provider acme: as_of is required");
        Files.writeString(
                f,
                "default: acme\nproviders:\n  acme:\n    price_per_1k_tokens: 0.01\n    as_of: 2026-01-01\n    source: quote\n");
        assertThat(TrainingPrices.load(f).defaultPrice().pricePer1k().toBigDecimal())
                .isEqualByComparingTo("0.01");
    }
}
