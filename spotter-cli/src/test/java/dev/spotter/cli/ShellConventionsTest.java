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

    /**
     * CLI trial F27: one placeholder style across all commands (VAR, N, FILE, ...), never picocli's default
     * {@code <fieldName>} ({@code --api-key-env=<apiKeyEnv>}), and every positional parameter says what it is
     * ({@code [JOB_ID]} of train status, {@code A.json} of eval compare had no description).
     */
    @Test
    void everyParameterHasAPlaceholderInOneStyleAndADescription() {
        java.util.List<String> bad = new java.util.ArrayList<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(new picocli.CommandLine(new SpotterCli(dev.spotter.Environment.empty())));
        // FILE, N, VAR, JOB_ID, FIELD=EXPR, Q.jsonl, EXPECTATION[:RED_FLAG_ID], one|of|these, N|max
        java.util.regex.Pattern style = java.util.regex.Pattern.compile(
                "[A-Z][A-Z0-9_]*([.:=][A-Za-z0-9_.]+|\\[:[A-Z_]+])*|([a-z0-9-]+|N)(\\|[a-z0-9-]+)+");
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            String name = c.getCommandSpec().qualifiedName(" ");
            for (picocli.CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                if (o.arity().max() > 0 && !style.matcher(o.paramLabel()).matches()) {
                    bad.add(name + " " + o.longestName() + "=" + o.paramLabel());
                }
            }
            for (picocli.CommandLine.Model.PositionalParamSpec p :
                    c.getCommandSpec().positionalParameters()) {
                if (!style.matcher(p.paramLabel()).matches()) {
                    bad.add(name + " " + p.paramLabel());
                }
                if (String.join("", p.description()).isBlank()) {
                    bad.add(name + " " + p.paramLabel() + ": no description");
                }
            }
            java.io.StringWriter help = new java.io.StringWriter();
            c.usage(new java.io.PrintWriter(help));
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("=<[a-z][A-Za-z0-9]*>").matcher(help.toString());
            while (m.find()) {
                bad.add(name + " --help shows " + m.group());
            }
        }
        assertThat(bad).isEmpty();
    }

    /**
     * The "Commands:" list of every command's --help shows each subcommand's summary as a whole sentence (it used
     * to cut four of them mid-sentence: "stratified split with a", "(HAVE / PARTIAL / NEED),").
     */
    @Test
    void everyCommandListShowsWholeSentences() {
        java.util.List<String> cut = new java.util.ArrayList<>();
        java.util.ArrayDeque<java.util.List<String>> todo = new java.util.ArrayDeque<>();
        todo.add(java.util.List.of());
        while (!todo.isEmpty()) {
            java.util.List<String> path = todo.pop();
            java.util.List<String> args = new java.util.ArrayList<>(path);
            args.add("--help");
            CliRun.Result r = CliRun.run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            String out = r.out().replace("\r", "");
            int at = out.indexOf("Commands:");
            if (at < 0) {
                continue;
            }
            // rows: "  name  summary..." then continuation lines indented further; a summary ends with '.'
            String name = null;
            StringBuilder summary = new StringBuilder();
            String section = out.substring(at + "Commands:".length()).replaceFirst("^\n", "");
            int end = section.indexOf("\n\n"); // the list ends at the first blank line (a footer may follow)
            section = end < 0 ? section : section.substring(0, end);
            for (String line : (section + "\n  <end>  .").split("\n")) {
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("^  (\\S+)\\s+(.*)$").matcher(line);
                if (m.matches()) {
                    if (name != null) {
                        if (!summary.toString().trim().endsWith(".")) {
                            cut.add(String.join(" ", path) + " " + name + ": "
                                    + summary.toString().trim());
                        }
                        java.util.List<String> sub = new java.util.ArrayList<>(path);
                        sub.add(name);
                        todo.add(sub);
                    }
                    name = m.group(1);
                    summary = new StringBuilder(m.group(2));
                } else if (!line.isBlank() && name != null) {
                    summary.append(' ').append(line.trim());
                }
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRun.Result r = CliRun.run("completion", "fish");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("spotter completion:").contains("bash, zsh");
    }
}
