package dev.spotter.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.kernel.Money;
import dev.spotter.kernel.TokenPrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BudgetTest {
    // prices of the bundled table: gpt-4o-mini and a Llama host, per 1M tokens
    private static final TokenPrice IN = TokenPrice.perMillion(new BigDecimal("0.15"));
    private static final TokenPrice OUT = TokenPrice.perMillion(new BigDecimal("0.60"));
    private static final TokenPrice LLAMA = TokenPrice.perMillion(new BigDecimal("0.88"));

    private static Money cost(Random r, int maxOut) {
        long prompt = 1 + r.nextInt(4_000);
        long out = 1 + r.nextInt(maxOut);
        return r.nextBoolean() ? IN.cost(prompt).plus(OUT.cost(out)) : LLAMA.cost(prompt + out);
    }

    @Test
    void thousandRandomReserveSettleSequencesReturnToExactlyZero() throws InterruptedException {
        Random r = new Random(20_251_107);
        for (int seq = 0; seq < 1_000; seq++) {
            Budget b = new Budget(null, Money.ZERO);
            List<Money[]> open = new ArrayList<>();
            BigDecimal expectedSpend = BigDecimal.ZERO;
            int n = 1 + r.nextInt(60);
            for (int i = 0; i < n; i++) {
                Money worst = cost(r, 2_000);
                assertThat(b.reserve(worst)).isTrue();
                // a real answer costs at most the worst case: some fraction of it, sometimes nothing (an error)
                Money actual =
                        r.nextInt(5) == 0 ? Money.ZERO : worst.times(new BigDecimal(r.nextInt(101)).movePointLeft(2));
                open.add(new Money[] {worst, actual});
                if (r.nextInt(3) == 0) { // settle some while others are in flight
                    Money[] w = open.remove(r.nextInt(open.size()));
                    b.settle(w[0], w[1]);
                    expectedSpend = expectedSpend.add(w[1].toBigDecimal());
                }
            }
            Collections.shuffle(open, r);
            for (Money[] w : open) {
                b.settle(w[0], w[1]);
                expectedSpend = expectedSpend.add(w[1].toBigDecimal());
            }
            assertThat(b.reserved()).as("sequence %d", seq).isEqualTo(Money.ZERO);
            assertThat(b.spent().toBigDecimal()).as("sequence %d", seq).isEqualByComparingTo(expectedSpend);
        }
    }

    @Test
    void theCapRefusesWhenNothingIsInFlightAndABlockedCallerGoesOnOnceRoomIsFreed() throws Exception {
        Money worst = Money.parse("0.04");
        Budget b = new Budget(Money.parse("0.10"), Money.parse("0.02"));
        assertThat(b.reserve(worst)).isTrue(); // 0.02 + 0.04
        assertThat(b.reserve(worst)).isTrue(); // 0.02 + 0.08 = the cap exactly: allowed
        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> {
            try {
                return b.reserve(worst); // waits: two requests hold reservations
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(third).isNotDone();
        b.settle(worst, Money.parse("0.01")); // spent 0.03, reserved 0.04: 0.11 > 0.10, still waiting
        b.settle(worst, Money.parse("0.01")); // spent 0.04, reserved 0: 0.08 fits
        assertThat(third.get(5, TimeUnit.SECONDS)).isTrue();
        b.settle(worst, Money.parse("0.05")); // spent 0.09
        assertThat(b.reserve(worst))
                .as("nothing in flight and no room: refused, not a hang")
                .isFalse();
        assertThat(b.reserved()).isEqualTo(Money.ZERO);
        assertThat(b.spent()).isEqualTo(Money.parse("0.09"));
    }
}
