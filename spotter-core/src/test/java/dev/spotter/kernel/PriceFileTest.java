package dev.spotter.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.ConfigurationException;
import dev.spotter.llm.InferencePrices;
import dev.spotter.report.TrainingPrices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both dated price tables load through one strict loader: a typo is an error naming the key path, not a default. */
class PriceFileTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("prices.yaml"), text);
    }

    @Test
    void bundledTablesLoadExactly() {
        InferencePrices inf = InferencePrices.bundled();
        assertThat(inf.lookup("gpt-4o-mini").orElseThrow().input().perToken()).isEqualTo(Money.parse("0.00000015"));
        assertThat(inf.batchDiscount()).isEqualByComparingTo("0.5");
        TrainingPrices tr = TrainingPrices.bundled();
        assertThat(tr.defaultPrice().price().describePerThousand()).isEqualTo("$0.0008 per 1K tokens");
        assertThat(tr.currency()).isEqualTo("USD");
    }

    @Test
    void aMisspelledKeyIsAnErrorNamingItsPath() throws IOException {
        Path f = yaml("as_of: 2025-11-07\nbatch_discount: 0.5\nmodels:\n  m: {input: 1, ouptut: 2}\n");
        assertThatThrownBy(() -> InferencePrices.load(f))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(f + ": models.m.output: is required");
        Path g = yaml("as_of: 2025-11-07\nbatch_dicount: 0.4\nmodels:\n  m: {input: 1, output: 2}\n");
        assertThatThrownBy(() -> InferencePrices.load(g)).hasMessageContaining("batch_dicount: unknown key");
        Path h = yaml("default: a\nproviders:\n  a: {price_per_1k_tokens: 0.01, as_of: 2026-01-01, source: q,"
                + " token_cap: 10, notes: typo}\n");
        assertThatThrownBy(() -> TrainingPrices.load(h)).hasMessageContaining("providers.a.notes: unknown key");
    }

    @Test
    void valuesAreCheckedNotDefaulted() throws IOException {
        assertThatThrownBy(() -> InferencePrices.load(yaml("as_of: soon\nmodels:\n  m: {input: 1, output: 2}\n")))
                .hasMessageContaining("as_of: expected a date yyyy-mm-dd");
        assertThatThrownBy(
                        () -> InferencePrices.load(yaml("as_of: 2025-01-01\nmodels:\n  m: {input: -1, output: 2}\n")))
                .hasMessageContaining("models.m.input: must be >= 0");
        assertThatThrownBy(() -> InferencePrices.load(yaml("as_of: 2025-01-01\nmodels:\n  m: {input: x, output: 2}\n")))
                .hasMessageContaining("models.m.input: expected a number");
        assertThatThrownBy(() -> TrainingPrices.load(yaml("currency: EUR\nproviders:\n  a: {price_per_1k_tokens: 1,"
                        + " as_of: 2026-01-01, source: q}\n")))
                .hasMessageContaining("currency: only USD is supported");
        assertThatThrownBy(() -> TrainingPrices.load(yaml("providers:\n  a: {price_per_1k_tokens: 1, as_of: 2026-01-01,"
                        + " source: q, token_cap: 1.5}\n")))
                .hasMessageContaining("providers.a.token_cap: expected a whole number");
        assertThatThrownBy(() -> InferencePrices.load(dir.resolve("missing.yaml")))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read " + dir.resolve("missing.yaml") + ": no such file or directory");
    }

    @Test
    void decimalsAreReadAsWrittenNotAsTheNearestDouble() throws IOException {
        Path f = yaml("as_of: 2025-01-01\nmodels:\n  m: {input: 0.1, output: 0.3}\n");
        InferencePrices.Price p = InferencePrices.load(f).lookup("m").orElseThrow();
        // 0.1 x 3M + 0.3 x 1M = exactly $0.60; in doubles 0.1 * 3 is 0.30000000000000004
        assertThat(p.cost(3_000_000, 1_000_000)).isEqualTo(Money.parse("0.6"));
    }
}
