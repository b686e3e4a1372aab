package dev.spotter.cli;

import dev.spotter.project.Inventory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spotter inventory}: the brief's Quick Summary computed from the project's files. */
@Command(
        name = "inventory",
        mixinStandardHelpOptions = true,
        description = {
            "Shows, per source and category, the examples present vs the target (HAVE / PARTIAL / NEED),",
            "where they are, their tokens, totals, and the training and generation cost estimate."
        })
public final class InventoryCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    ProjectOption project;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        Inventory inv = CliEnv.spotter(spec).inventory(project.file());
        var review = CliEnv.spotter(spec).reviewOutcomes(project.file());
        var out = spec.commandLine().getOut();
        if (json) {
            var o = inv.toJson();
            if (!review.isEmpty()) {
                o.set("review", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(review));
            }
            out.println(o.toString());
        } else {
            out.print(inv.toText());
            if (!inv.needs().isEmpty()) {
                out.println("to reach the targets:");
                Inventory.needLines(inv.needs()).forEach(l -> out.println("  " + l));
            }
            ReviewInventory.print(review, project.file(), out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
