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

    /** Every option of every command says what it does in --help. */
    @Test
    void everyOptionHasADescription() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(new picocli.CommandLine(new SpotterCli(dev.spotter.Environment.empty())));
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            for (picocli.CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                if (String.join("", o.description()).isBlank()) {
                    missing.add(c.getCommandSpec().qualifiedName() + " " + o.longestName());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRun.Result r = CliRun.run("completion", "fish");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("spotter completion:").contains("bash, zsh");
    }
}
