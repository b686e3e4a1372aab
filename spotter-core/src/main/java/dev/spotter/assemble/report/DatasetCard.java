package dev.spotter.assemble.report;

import dev.spotter.assemble.AccountingStats;
import dev.spotter.assemble.BuildSummary;
import dev.spotter.assemble.DedupStats;
import dev.spotter.assemble.ScrubStats;
import dev.spotter.assemble.SplitStats;
import dev.spotter.assemble.TokenStats;
import dev.spotter.assemble.WriteStats;
import dev.spotter.project.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dataset card: a README.md in Hugging Face dataset-card form (YAML front matter with licence (and
 * {@code license_name}/{@code license_link} for {@code other}), task, size category, one config per upload format
 * of which exactly one is {@code default: true}, and a {@code dataset_info} block per config with its features and
 * split sizes; then sources, counts, categories, token statistics, processing, how the data was made (the checks
 * each source passed), licence and known limitations), written from the build summary only so it is
 * deterministic. {@code datasets.load_dataset(folder)} needs no config name.
 */
public final class DatasetCard {
    /** With {@code license: other}: the licence this data is under (text made with and for Llama 3.3). */
    static final String OTHER_LICENSE_NAME = "llama3.3";

    static final String OTHER_LICENSE_LINK =
            "https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/LICENSE";

    private DatasetCard() {}

    public static String render(BuildSummary s) {
        StringBuilder b = new StringBuilder();
        WriteStats outp = s.output();
        long train = outp.train();
        long val = outp.validation();
        b.append("---\n");
        b.append("pretty_name: ").append(yaml(s.name())).append('\n');
        b.append("license: ").append(yaml(s.license())).append('\n');
        if ("other".equals(s.license())) {
            // the Hub asks a card with "license: other" to name the licence and link it
            b.append("license_name: ").append(yaml(OTHER_LICENSE_NAME)).append('\n');
            b.append("license_link: ").append(yaml(OTHER_LICENSE_LINK)).append('\n');
        }
        b.append("language:\n- en\n");
        b.append("task_categories:\n- text-generation\n");
        b.append("tags:\n- fitness\n- coaching\n- conversational\n- llama-3.3\n- fine-tuning\n");
        b.append("size_categories:\n- ").append(sizeCategory(train + val)).append('\n');
        b.append("configs:\n");
        String dflt = defaultConfig(outp.formats());
        for (String f : outp.formats()) {
            b.append("- config_name: ").append(f).append('\n');
            if (f.equals(dflt)) {
                b.append("  default: true\n");
            }
            b.append("  data_files:\n");
            b.append("  - split: train\n    path: ").append(f).append("/train.jsonl\n");
            b.append("  - split: validation\n    path: ").append(f).append("/validation.jsonl\n");
        }
        CardSections.datasetInfo(b, outp);
        b.append("---\n\n");
        b.append("# ").append(s.name()).append("\n\n");
        if (s.description() != null && !s.description().isEmpty()) {
            b.append(s.description()).append("\n\n");
        }
        b.append(String.format(
                Locale.ROOT,
                "%s training and %s validation examples for supervised fine-tuning of "
                        + "Llama 3.3 70B Instruct as a fitness coach, built by Spotter (seed %d). The HTML report "
                        + "(`report.html`) shows the same figures as charts.%n%n",
                n(train),
                n(val),
                s.seed()));

        b.append("## Dataset structure\n\n");
        b.append("| format | files | line shape |\n|---|---|---|\n");
        for (String f : outp.formats()) {
            String shape = switch (f) {
                case "messages" -> "`{\"messages\":[{\"role\",\"content\"}...]}`";
                case "llama3-text" ->
                    "`{\"text\"}`: Llama 3.3 template, starts with `<|begin_of_text|>` (the trainer must not add BOS)";
                case "prompt-completion" ->
                    "`{\"prompt\",\"completion\"}`: rendered prompt with BOS up to the last assistant header; "
                            + "completion = last assistant turn + `<|eot_id|>`";
                default -> "";
            };
            b.append("| ")
                    .append(f)
                    .append(" | `")
                    .append(f)
                    .append("/train.jsonl`, `")
                    .append(f)
                    .append("/validation.jsonl` | ")
                    .append(shape)
                    .append(" |\n");
        }
        b.append("\nUpload files carry only the platform's columns. Where each line came from is in "
                + "`provenance/train.jsonl` and `provenance/validation.jsonl` (same line order: id, source, category, "
                + "source file and line, tokens, PII replacements).\n\n");

        b.append(
                "## Sources\n\n| source | kind | files | read | accepted | rejected |\n|---|---|---|---:|---:|---:|\n");
        for (BuildSummary.Source src : s.sources()) {
            List<String> files = new ArrayList<>();
            src.files().forEach(f -> files.add("`" + f + "`"));
            src.missing().forEach(f -> files.add("`" + f + "` (missing)"));
            b.append("| ")
                    .append(src.id())
                    .append(" | ")
                    .append(src.kind().yamlName())
                    .append(src.plan() != null ? " (plan " + src.plan() + ")" : "")
                    .append(" | ")
                    .append(String.join(", ", files))
                    .append(" | ")
                    .append(n(src.read()))
                    .append(" | ")
                    .append(n(src.accepted()))
                    .append(" | ")
                    .append(n(src.rejected()))
                    .append(" |\n");
        }

        b.append("\n## Counts and categories\n\n| source | category | train | validation | total | target | status |\n"
                + "|---|---|---:|---:|---:|---:|---|\n");
        Inventory inv = s.inventory();
        for (Inventory.Row r : inv.rows()) {
            WriteStats.Stratum st = stratum(outp, r);
            b.append("| ")
                    .append(r.source())
                    .append(" | ")
                    .append(r.category())
                    .append(" | ")
                    .append(n(st == null ? 0 : st.train()))
                    .append(" | ")
                    .append(n(st == null ? 0 : st.validation()))
                    .append(" | ")
                    .append(n(r.have()))
                    .append(" | ")
                    .append(n(r.target()))
                    .append(" | ")
                    .append(r.status())
                    .append(" |\n");
        }
        Inventory.Totals tot = inv.totals();
        b.append("| **total** | | **")
                .append(n(train))
                .append("** | **")
                .append(n(val))
                .append("** | **")
                .append(n(tot.have()))
                .append("** | **")
                .append(n(tot.target()))
                .append("** | ")
                .append(tot.status())
                .append(" |\n\n");

        b.append("## Token statistics\n\nTokens per example as rendered with the Llama 3.3 template; method: ")
                .append(s.tokenMethod())
                .append(".\n\n");
        b.append(
                "| split | examples | total | mean | min | p10 | median | p90 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        WriteStats.Tokens tokens = outp.tokens();
        Map<String, TokenStats> splits = new java.util.LinkedHashMap<>();
        splits.put("train", tokens.train());
        splits.put("validation", tokens.validation());
        splits.put("all", tokens.all());
        for (var e : splits.entrySet()) {
            TokenStats t = e.getValue();
            b.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(n(t.examples()))
                    .append(" | ")
                    .append(n(t.total()))
                    .append(" | ")
                    .append(n(t.mean()))
                    .append(" | ")
                    .append(n(t.min()))
                    .append(" | ")
                    .append(n(t.p10()))
                    .append(" | ")
                    .append(n(t.p50()))
                    .append(" | ")
                    .append(n(t.p90()))
                    .append(" | ")
                    .append(n(t.max()))
                    .append(" |\n");
        }
        Inventory.CostEstimate cost = inv.cost();
        b.append("\nTraining cost estimate: ").append(cost.trainingLine()).append(".\n\n");

        DedupStats d = s.dedup();
        ScrubStats p = s.pii();
        SplitStats sp = s.split();
        AccountingStats acc = s.accounting();
        b.append("## Processing\n\n");
        b.append(String.format(
                Locale.ROOT,
                "1. **Validation**: %s lines read, %s rejected (reasons: %s); rejected lines are in "
                        + "`quarantine.jsonl` with file, line and reason.%n",
                n(acc.read()),
                n(acc.quarantined()),
                counts(s.rejectReasons(), "none")));
        b.append(String.format(
                Locale.ROOT,
                "   The quarantine, `dedup-log.jsonl`, `leakage-log.jsonl` and the build state are not in this folder "
                        + "(they hold lines as read, before the PII scrub): the build keeps them in `%s/`.%n",
                s.stateDir()));
        b.append(String.format(
                Locale.ROOT,
                "2. **Deduplication**: exact duplicates on NFKC-normalised, case-folded, "
                        + "whitespace-collapsed text (%s dropped) and near duplicates by MinHash (%d permutations, %s shingles "
                        + "of user and assistant turns) with LSH (%d bands × %d rows), estimated Jaccard ≥ %s (%s dropped, %s "
                        + "clusters). Keep rule: %s. Every drop is in `dedup-log.jsonl`.%n",
                n(d.exact()),
                d.permutations(),
                d.shingle(),
                d.bands(),
                d.rows(),
                String.valueOf(d.threshold()),
                n(d.near()),
                n(d.clusterCount()),
                d.keepRule()));
        b.append(String.format(
                Locale.ROOT,
                "3. **PII scrub** (%s messages): %s; %s examples changed.%n",
                String.join("/", p.roles()),
                p.enabled() ? counts(p.replacements(), "") : "disabled",
                n(p.recordsChanged())));
        b.append(String.format(
                Locale.ROOT,
                "4. **Split**: stratified by source and category, %s%% validation per stratum "
                        + "(seed %d). Leakage check: %s; %s examples moved (see `leakage-log.jsonl`).%n",
                pct(sp.validationRatio()),
                sp.seed(),
                sp.leakageRule(),
                n(sp.leakageMoved())));
        b.append(String.format(
                Locale.ROOT,
                "5. **Accounting**: %s — %s read = %s train + %s validation + %s quarantined + %s duplicates%s.%n%n",
                acc.ok() ? "complete" : "FAILED",
                n(acc.read()),
                n(acc.train()),
                n(acc.validation()),
                n(acc.quarantined()),
                n(acc.deduplicated()),
                acc.pendingReview() > 0 ? " + " + n(acc.pendingReview()) + " pending review" : ""));

        CardSections.howMade(b, s);
        b.append("## License\n\n").append(licenseText(s.license())).append("\n\n");

        b.append("## Known limitations\n\n");
        List<String> lim = new ArrayList<>();
        for (Inventory.Need need : inv.needs()) {
            lim.add(String.format(
                    Locale.ROOT,
                    "`%s` / `%s` is %s examples short of its target (provide it with `%s`).",
                    need.source(),
                    need.category(),
                    n(need.missing()),
                    need.command()));
        }
        if (!s.tokensExact()) {
            lim.add("Token figures are estimates (" + s.tokenMethod() + "), not exact Llama 3 tokenizer counts.");
        }
        lim.add("PII scrubbing is pattern-based (e-mail, phone, credential-bearing URLs, street addresses with a "
                + "street suffix): names, free-form addresses and other identifiers are not detected.");
        lim.add(
                "Near-duplicate detection is probabilistic (MinHash estimate ± about 0.04 at 128 permutations); pairs near "
                        + "the threshold may fall either way.");
        lim.add("Examples are in source order, not shuffled; trainers are expected to shuffle.");
        for (String l : lim) {
            b.append("- ").append(l).append('\n');
        }
        return b.toString();
    }

    /**
     * The config {@code load_dataset(folder)} loads without a name: {@code messages} when built (the chat
     * format every trainer reads), else the first format.
     */
    static String defaultConfig(List<String> formats) {
        return formats.contains("messages") ? "messages" : formats.getFirst();
    }

    static String licenseText(String id) {
        return switch (id) {
            case "other" ->
                "Licence: other (`license_name: " + OTHER_LICENSE_NAME + "`, see the project owner). Example text"
                        + " derived from the Llama 3.3 model or for training it is subject to the Llama 3.3"
                        + " Community License (" + OTHER_LICENSE_LINK + ").";
            default -> "Licence: `" + id + "`.";
        };
    }

    /** The split counts of an inventory row's stratum (the last match, as written), or null. */
    static WriteStats.Stratum stratum(WriteStats out, Inventory.Row r) {
        WriteStats.Stratum found = null;
        for (WriteStats.Stratum st : out.strata()) {
            if (st.source().equals(r.source()) && st.category().equals(r.category())) {
                found = st;
            }
        }
        return found;
    }

    /** {@code `key` count, ...}, or {@code none} when there are no entries. */
    private static String counts(Map<String, Long> m, String none) {
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add("`" + k + "` " + n(v)));
        return out.isEmpty() ? none : String.join(", ", out);
    }

    static String sizeCategory(long n) {
        if (n < 1_000) {
            return "n<1K";
        }
        if (n < 10_000) {
            return "1K<n<10K";
        }
        if (n < 100_000) {
            return "10K<n<100K";
        }
        if (n < 1_000_000) {
            return "100K<n<1M";
        }
        return "1M<n<10M";
    }

    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String pct(double d) {
        return java.math.BigDecimal.valueOf(d * 100).stripTrailingZeros().toPlainString();
    }
}
