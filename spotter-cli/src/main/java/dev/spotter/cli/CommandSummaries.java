package dev.spotter.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Commands:" list of every command's help shows each subcommand's first sentence, wrapped, instead of
 * picocli's default, the first source line of its description (which cut summaries mid-sentence: "stratified split
 * with a"). One renderer for the whole tree, so a new command's summary cannot be cut either.
 */
final class CommandSummaries {
    private CommandSummaries() {}

    /** Installs the renderer on {@code cl} and every subcommand below it. */
    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CommandSummaries::commandList);
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    /** A sentence ends at ". " before a capital letter or a digit ("e.g. a" and "README.md" do not end one). */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=[A-Z0-9])");

    /**
     * The first sentence of a command's header, else of its description, with picocli's %n and %% resolved: up to
     * the first sentence end inside the text or the first source line that ends with a period.
     */
    static String summary(CommandSpec spec) {
        String[] lines = spec.usageMessage().header().length > 0
                ? spec.usageMessage().header()
                : spec.usageMessage().description();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String l = line.replace("%n", " ").replace("%%", "%").trim();
            text.append(text.isEmpty() ? "" : " ").append(l);
            Matcher m = SENTENCE_END.matcher(text);
            if (m.find()) {
                return text.substring(0, m.start() + 1).replaceAll("\\s+", " ");
            }
            if (l.endsWith(".")) {
                break;
            }
        }
        return text.toString().replaceAll("\\s+", " ").trim();
    }

    private static String commandList(Help help) {
        Map<String, Help> subs = help.subcommands();
        if (subs.isEmpty()) {
            return "";
        }
        int names = 0;
        for (String name : subs.keySet()) {
            names = Math.max(names, name.length());
        }
        int width = help.commandSpec().usageMessage().width();
        int first = names + 4; // two spaces of indent, two between the columns
        Help.TextTable t = Help.TextTable.forColumns(
                help.colorScheme(),
                new Column(first, 2, Column.Overflow.SPAN),
                new Column(Math.max(20, width - first), 0, Column.Overflow.WRAP));
        for (Map.Entry<String, Help> e : subs.entrySet()) {
            if (!e.getValue().commandSpec().usageMessage().hidden()) {
                t.addRowValues(e.getKey(), summary(e.getValue().commandSpec()));
            }
        }
        return t.toString();
    }
}
