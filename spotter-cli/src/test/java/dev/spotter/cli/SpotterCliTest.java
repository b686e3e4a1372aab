package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpotterCliTest {
    @Test
    void unknownOptionIsAUsageError() {
        assertThat(SpotterCli.execute("--no-such-option")).isEqualTo(ExitCodes.USAGE_OR_IO);
    }

    @Test
    void helpExitsZero() {
        assertThat(SpotterCli.execute("--help")).isEqualTo(ExitCodes.OK);
    }
}
