package dev.spotter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.checks.CheckCases;
import dev.spotter.checks.ClinicalRules;
import dev.spotter.checks.InjuryExpectation;
import dev.spotter.generate.Plan;
import dev.spotter.generate.Plans;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter check FILE}: runs the checkers on hand-written {scenario, answer} cases ({@link CheckCases}). */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Run the generation checkers on a JSONL file of {scenario metadata, answer} cases and print accept or"
                    + " reject with rule codes per line (line format: docs/areas/generate.md, \"Checking hand-written"
                    + " answers\").",
            "Exit codes: 0 every labelled case agrees with its \"want\" (or none is labelled), 1 a disagreement or an"
                    + " unreadable line, 2 usage or I/O error."
        })
public final class CheckCommand implements Callable<Integer> {
    private static final ObjectMapper M = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Cases, one JSON object per line.")
    Path file;

    @Option(
            names = "--expect",
            paramLabel = "EXPECTATION[:RED_FLAG_ID]",
            description = "Default for cases that name neither a category nor expect (with its red flag), e.g."
                    + " red_flag:cauda_equina, doms_false_positive.")
    String expect;

    @Option(names = "--attr", paramLabel = "NAME=VALUE", description = "Default slot attribute (repeatable).")
    Map<String, String> attributes = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Set<InjuryExpectation> defaults = EnumSet.noneOf(InjuryExpectation.class);
        Map<String, String> attrs = new LinkedHashMap<>(attributes);
        Map<String, String> expectAttrs = new LinkedHashMap<>();
        if (expect != null) {
            String[] parts = expect.split(":", 2);
            try {
                defaults.add(InjuryExpectation.valueOf(parts[0].toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw SpotterCli.usage(
                        spec,
                        "--expect " + expect + ": unknown expectation (red_flag, doms_false_positive, ambiguous)");
            }
            if (parts.length == 2) {
                if (ClinicalRules.get().redFlag(parts[1]).isEmpty()) {
                    throw SpotterCli.usage(
                            spec,
                            "--expect " + expect + ": unknown red flag '" + parts[1] + "' (known: "
                                    + String.join(
                                            ", ",
                                            new java.util.TreeSet<>(
                                                    ClinicalRules.get().redFlagIds()))
                                    + ")");
                }
                expectAttrs.put("red_flag", parts[1]);
            }
        }
        Plan injury = Plans.load("injury");
        CheckCases cases = new CheckCases(c -> injury.categoryByName(c).expect(), defaults, expectAttrs, attrs);
        PrintWriter out = spec.commandLine().getOut();
        long lines = 0;
        long accepted = 0;
        long rejected = 0;
        long bad = 0;
        long[] hostile = new long[2]; // labelled reject: n, rejected
        long[] good = new long[2]; // labelled accept: n, accepted
        long disagreements = 0;
        dev.spotter.FileException.requireReadableFile(file);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = r.readLine()) != null) {
                lines++;
                if (text.isBlank()) {
                    continue;
                }
                CheckCases.Verdict v;
                try {
                    v = cases.check(lines, M.readTree(text));
                } catch (IOException e) {
                    v = new CheckCases.Verdict(
                            lines,
                            "",
                            null,
                            null,
                            java.util.List.of(),
                            "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
                }
                String label = v.id().isEmpty() ? "" : " [" + v.id() + "]";
                if (v.problem() != null) {
                    bad++;
                    out.printf(Locale.ROOT, "%s:%d%s: cannot check: %s%n", file, lines, label, v.problem());
                    continue;
                }
                if (v.accepted()) {
                    accepted++;
                } else {
                    rejected++;
                }
                String verdict = v.accepted() ? "ACCEPT" : "REJECT " + String.join(", ", v.codes());
                String against = "";
                if (v.want() != null) {
                    long[] bucket = v.want().equals("reject") ? hostile : good;
                    bucket[0]++;
                    if (v.accepted() != v.want().equals("reject")) {
                        bucket[1]++;
                    }
                    if (!v.agrees()) {
                        disagreements++;
                    }
                    against = v.agrees()
                            ? "  (want " + v.want() + ": ok)"
                            : "  (want " + v.want() + (v.wantCodes().isEmpty() ? "" : " " + v.wantCodes())
                                    + ": DISAGREES)";
                }
                out.printf(Locale.ROOT, "line %d%s: %s%s%n", lines, label, verdict, against);
                if (!v.accepted()) {
                    v.result().violations().forEach(x -> out.println("    " + x));
                }
            }
        } catch (IOException e) {
            throw dev.spotter.FileException.reading(file, e);
        }
        out.printf(
                Locale.ROOT,
                "checked %d cases: %d accepted, %d rejected, %d unreadable%n",
                accepted + rejected + bad,
                accepted,
                rejected,
                bad);
        if (hostile[0] + good[0] > 0) {
            out.printf(
                    Locale.ROOT,
                    "hostile (want reject): %d of %d rejected (%s); good (want accept): %d of %d accepted (%s);"
                            + " %d disagreement(s)%n",
                    hostile[1],
                    hostile[0],
                    pct(hostile),
                    good[1],
                    good[0],
                    pct(good),
                    disagreements);
        }
        out.flush();
        if (accepted + rejected + bad == 0) { // a check that checked nothing has not passed
            spec.commandLine().getErr().println("spotter check: no case in " + file + " (empty file)");
            spec.commandLine().getErr().flush();
            return ExitCodes.REJECTS;
        }
        return disagreements == 0 && bad == 0 ? ExitCodes.OK : ExitCodes.REJECTS;
    }

    private static String pct(long[] r) {
        return r[0] == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * r[1] / r[0]);
    }
}
