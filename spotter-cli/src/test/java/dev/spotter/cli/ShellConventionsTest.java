package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shell conventions: completion scripts generated from the command model. */
class ShellConventionsTest {
    @Test
    void bashCompletionKnowsTheCommandsAndTheirOptions() {
        CliRun.Result r = CliRun.run("completion", "bash");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out())
                .contains("complete -F _complete_spotter")
                .contains("synth-voice")
                .contains("--project");
    }

    @Test
    void zshCompletionLoadsBashcompinitFirst() {
        CliRun.Result r = CliRun.run("completion", "zsh");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("ZSH_VERSION").contains("bashcompinit").contains("complete -F _complete_spotter");
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRun.Result r = CliRun.run("completion", "fish");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("spotter completion:").contains("bash, zsh");
    }
}
