package dev.spotter.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void arithmeticIsExactWhereDoublesAreNot() {
        Money tenth = Money.parse("0.1");
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(tenth);
        }
        assertThat(sum).isEqualTo(Money.parse("1"));
        assertThat(sum.minus(Money.parse("0.3")).minus(Money.parse("0.7")).isZero())
                .isTrue();
        assertThat(Money.parse("0.0000008").times(22_554_000)).isEqualTo(Money.parse("18.0432"));
        assertThat(Money.parse("0.15").compareTo(Money.parse("0.150"))).isZero();
        assertThat(Money.parse("3").max(Money.parse("-4"))).isEqualTo(Money.parse("3"));
        assertThat(Money.parse("-0.5").signum()).isEqualTo(-1);
    }

    @Test
    void formatsCentsAndExactAmountsWithoutScientificNotation() {
        assertThat(Money.parse("0.82").toString()).isEqualTo("$0.82");
        assertThat(Money.parse("18.0432").toString()).isEqualTo("$18.04");
        assertThat(Money.parse("0.005").toString()).isEqualTo("$0.01");
        assertThat(Money.parse("-1.5").toString()).isEqualTo("-$1.50");
        assertThat(Money.parse("0.0008").toString()).isEqualTo("$0.00");
        assertThat(Money.parse("0.0008").toExactString()).isEqualTo("$0.0008");
        assertThat(Money.parse("0.0008").toPlainString()).isEqualTo("0.0008");
        assertThat(Money.parse("0.00000015").toPlainString()).isEqualTo("0.00000015");
        assertThat(Money.parse("12").toExactString()).isEqualTo("$12.00");
        assertThat(Money.parse("1000").toBigDecimal().toString()).isEqualTo("1000"); // not 1E+3
        assertThat(Money.parse("0.0000008").toBigDecimal().toPlainString()).isEqualTo("0.0000008");
    }

    @Test
    void refusesWhatItCannotHoldExactly() {
        assertThatThrownBy(() -> Money.parse("0.0000000000001")).hasMessageContaining("finer than a pico-dollar");
        assertThatThrownBy(() -> Money.parse("10000000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Money.parse("ten")).hasMessageContaining("not a dollar amount");
        assertThatThrownBy(() -> Money.ofPico(Long.MAX_VALUE).plus(Money.ofPico(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Money.ofUsdRounded(0.1 + 0.2)).isEqualTo(Money.parse("0.3"));
        assertThat(Money.ofUsdRounded(7.5e-4).toUsdDouble()).isEqualTo(7.5e-4);
    }

    @Test
    void tokenPricesConvertQuotedUnitsExactly() {
        TokenPrice k = TokenPrice.perThousand(new BigDecimal("0.0008"));
        assertThat(k.perToken()).isEqualTo(Money.parse("0.0000008"));
        assertThat(k.describePerThousand()).isEqualTo("$0.0008 per 1K tokens");
        assertThat(k.cost(22_554_000).toString()).isEqualTo("$18.04");
        TokenPrice m = TokenPrice.perMillion(2.5);
        assertThat(m.describePerMillion()).isEqualTo("$2.50 per 1M tokens");
        assertThat(m.cost(1_000_000).plus(TokenPrice.perMillion(10.0).cost(1_000_000)))
                .isEqualTo(Money.parse("12.5"));
        assertThat(m.times(new BigDecimal("0.5")).perMillion()).isEqualTo(Money.parse("1.25"));
        assertThat(TokenPrice.perMillion(0.15).perToken().pico()).isEqualTo(150_000);
        assertThatThrownBy(() -> TokenPrice.perMillion(new BigDecimal("-1"))).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> TokenPrice.perMillion(new BigDecimal("0.0000001")))
                .hasMessageContaining("finer than a pico-dollar per token");
    }
}
