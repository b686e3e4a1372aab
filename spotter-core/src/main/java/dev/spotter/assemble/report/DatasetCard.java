package dev.spotter.assemble.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dataset card: a README.md in Hugging Face dataset-card form (YAML front matter with licence, task,
 * size category and one config per upload format; then sources, counts, categories, token statistics,
 * processing, licence and known limitations), written from the build summary only so it is deterministic.
 */
public final class DatasetCard {
    private DatasetCard() {}

    public static String render(JsonNode s) {
        StringBuilder b = new StringBuilder();
        JsonNode outp = s.path("output");
        long train = outp.path("train").asLong();
        long val = outp.path("validation").asLong();
        b.append("---\n");
        b.append("pretty_name: ").append(yaml(s.path("name").asText())).append('\n');
        b.append("license: ").append(yaml(s.path("license").asText())).append('\n');
        b.append("language:\n- en\n");
        b.append("task_categories:\n- text-generation\n");
        b.append("tags:\n- fitness\n- coaching\n- conversational\n- llama-3.3\n- fine-tuning\n");
        b.append("size_categories:\n- ").append(sizeCategory(train + val)).append('\n');
        b.append("configs:\n");
        for (JsonNode f : outp.path("formats")) {
            b.append("- config_name: ").append(f.asText()).append('\n');
            b.append("  data_files:\n");
            b.append("  - split: train\n    path: ").append(f.asText()).append("/train.jsonl\n");
            b.append("  - split: validation\n    path: ").append(f.asText()).append("/validation.jsonl\n");
        }
        b.append("---\n\n");
        b.append("# ").append(s.path("name").asText()).append("\n\n");
        if (!s.path("description").asText().isEmpty()) {
            b.append(s.path("description").asText()).append("\n\n");
        }
        b.append(String.format(
                Locale.ROOT,
                "%s training and %s validation examples for supervised fine-tuning of "
                        + "Llama 3.3 70B Instruct as a fitness coach, built by Spotter (seed %d). The HTML report "
                        + "(`report.html`) shows the same figures as charts.%n%n",
                n(train),
                n(val),
                s.path("seed").asLong()));

        b.append("## Dataset structure\n\n");
        b.append("| format | files | line shape |\n|---|---|---|\n");
        for (JsonNode f : outp.path("formats")) {
            String shape = switch (f.asText()) {
                case "messages" -> "`{\"messages\":[{\"role\",\"content\"}...]}`";
                case "llama3-text" ->
                    "`{\"text\"}`: Llama 3.3 template, starts with `<|begin_of_text|>` (the trainer must not add BOS)";
                case "prompt-completion" ->
                    "`{\"prompt\",\"completion\"}`: rendered prompt with BOS up to the last assistant header; "
                            + "completion = last assistant turn + `<|eot_id|>`";
                default -> "";
            };
            b.append("| ")
                    .append(f.asText())
                    .append(" | `")
                    .append(f.asText())
                    .append("/train.jsonl`, `")
                    .append(f.asText())
                    .append("/validation.jsonl` | ")
                    .append(shape)
                    .append(" |\n");
        }
        b.append("\nUpload files carry only the platform's columns. Where each line came from is in "
                + "`provenance/train.jsonl` and `provenance/validation.jsonl` (same line order: id, source, category, "
                + "source file and line, tokens, PII replacements).\n\n");

        b.append(
                "## Sources\n\n| source | kind | files | read | accepted | rejected |\n|---|---|---|---:|---:|---:|\n");
        for (JsonNode src : s.path("sources")) {
            List<String> files = new ArrayList<>();
            src.path("files").forEach(f -> files.add("`" + f.asText() + "`"));
            src.path("missing").forEach(f -> files.add("`" + f.asText() + "` (missing)"));
            b.append("| ")
                    .append(src.path("id").asText())
                    .append(" | ")
                    .append(src.path("kind").asText())
                    .append(src.has("plan") ? " (plan " + src.path("plan").asText() + ")" : "")
                    .append(" | ")
                    .append(String.join(", ", files))
                    .append(" | ")
                    .append(n(src.path("read").asLong()))
                    .append(" | ")
                    .append(n(src.path("accepted").asLong()))
                    .append(" | ")
                    .append(n(src.path("rejected").asLong()))
                    .append(" |\n");
        }

        b.append("\n## Counts and categories\n\n| source | category | train | validation | total | target | status |\n"
                + "|---|---|---:|---:|---:|---:|---|\n");
        JsonNode inv = s.path("inventory");
        for (JsonNode r : inv.path("rows")) {
            long t = 0;
            long v = 0;
            for (JsonNode st : outp.path("strata")) {
                if (st.path("source").asText().equals(r.path("source").asText())
                        && st.path("category")
                                .asText()
                                .equals(r.path("category").asText())) {
                    t = st.path("train").asLong();
                    v = st.path("validation").asLong();
                }
            }
            b.append("| ")
                    .append(r.path("source").asText())
                    .append(" | ")
                    .append(r.path("category").asText())
                    .append(" | ")
                    .append(n(t))
                    .append(" | ")
                    .append(n(v))
                    .append(" | ")
                    .append(n(r.path("have").asLong()))
                    .append(" | ")
                    .append(n(r.path("target").asLong()))
                    .append(" | ")
                    .append(r.path("status").asText())
                    .append(" |\n");
        }
        JsonNode tot = inv.path("totals");
        b.append("| **total** | | **")
                .append(n(train))
                .append("** | **")
                .append(n(val))
                .append("** | **")
                .append(n(tot.path("have").asLong()))
                .append("** | **")
                .append(n(tot.path("target").asLong()))
                .append("** | ")
                .append(tot.path("status").asText())
                .append(" |\n\n");

        b.append("## Token statistics\n\nTokens per example as rendered with the Llama 3.3 template; method: ")
                .append(s.path("tokenMethod").asText())
                .append(".\n\n");
        b.append(
                "| split | examples | total | mean | min | p10 | median | p90 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String split : List.of("train", "validation", "all")) {
            JsonNode t = outp.path("tokens").path(split);
            b.append("| ")
                    .append(split)
                    .append(" | ")
                    .append(n(t.path("examples").asLong()))
                    .append(" | ")
                    .append(n(t.path("total").asLong()))
                    .append(" | ")
                    .append(n(t.path("mean").asLong()))
                    .append(" | ")
                    .append(n(t.path("min").asLong()))
                    .append(" | ")
                    .append(n(t.path("p10").asLong()))
                    .append(" | ")
                    .append(n(t.path("p50").asLong()))
                    .append(" | ")
                    .append(n(t.path("p90").asLong()))
                    .append(" | ")
                    .append(n(t.path("max").asLong()))
                    .append(" |\n");
        }
        JsonNode cost = inv.path("cost");
        b.append(String.format(
                Locale.ROOT,
                "%nTraining cost estimate: %s planned examples × %s tokens × %d epochs = %s tokens "
                        + "≈ $%.2f at $%s per 1K tokens.%n%n",
                n(cost.path("plannedExamples").asLong()),
                n(cost.path("tokensPerExample").asLong()),
                cost.path("epochs").asInt(),
                n(cost.path("trainingTokens").asLong()),
                cost.path("trainingUsd").asDouble(),
                cost.path("trainingPricePer1k").asText()));

        JsonNode d = s.path("dedup");
        JsonNode p = s.path("pii");
        JsonNode sp = s.path("split");
        b.append("## Processing\n\n");
        b.append(String.format(
                Locale.ROOT,
                "1. **Validation**: %s lines read, %s rejected (reasons: %s); rejected lines are in "
                        + "`quarantine.jsonl` with file, line and reason.%n",
                n(s.path("accounting").path("read").asLong()),
                n(s.path("accounting").path("quarantined").asLong()),
                reasons(s.path("rejectReasons"))));
        b.append(String.format(
                Locale.ROOT,
                "2. **Deduplication**: exact duplicates on NFKC-normalised, case-folded, "
                        + "whitespace-collapsed text (%s dropped) and near duplicates by MinHash (%d permutations, %s shingles "
                        + "of user and assistant turns) with LSH (%d bands × %d rows), estimated Jaccard ≥ %s (%s dropped, %s "
                        + "clusters). Keep rule: %s. Every drop is in `dedup-log.jsonl`.%n",
                n(d.path("exact").asLong()),
                d.path("permutations").asInt(),
                d.path("shingle").asText(),
                d.path("bands").asInt(),
                d.path("rows").asInt(),
                d.path("threshold").asText(),
                n(d.path("near").asLong()),
                n(d.path("clusterCount").asLong()),
                d.path("keepRule").asText()));
        b.append(String.format(
                Locale.ROOT,
                "3. **PII scrub** (%s messages): %s; %s examples changed.%n",
                String.join("/", texts(p.path("roles"))),
                p.path("enabled").asBoolean() ? replacements(p.path("replacements")) : "disabled",
                n(p.path("recordsChanged").asLong())));
        b.append(String.format(
                Locale.ROOT,
                "4. **Split**: stratified by source and category, %s%% validation per stratum "
                        + "(seed %d). Leakage check: %s; %s examples moved (see `leakage-log.jsonl`).%n",
                pct(sp.path("validationRatio").asDouble()),
                sp.path("seed").asLong(),
                sp.path("leakageRule").asText(),
                n(sp.path("leakageMoved").asLong())));
        JsonNode acc = s.path("accounting");
        b.append(String.format(
                Locale.ROOT,
                "5. **Accounting**: %s — %s read = %s train + %s validation + %s quarantined + %s " + "duplicates.%n%n",
                acc.path("ok").asBoolean() ? "complete" : "FAILED",
                n(acc.path("read").asLong()),
                n(acc.path("train").asLong()),
                n(acc.path("validation").asLong()),
                n(acc.path("quarantined").asLong()),
                n(acc.path("deduplicated").asLong())));

        b.append("## License\n\n")
                .append(licenseText(s.path("license").asText()))
                .append("\n\n");

        b.append("## Known limitations\n\n");
        List<String> lim = new ArrayList<>();
        for (JsonNode need : inv.path("needs")) {
            lim.add(String.format(
                    Locale.ROOT,
                    "`%s` / `%s` is %s examples short of its target (provide it with `%s`).",
                    need.path("source").asText(),
                    need.path("category").asText(),
                    n(need.path("missing").asLong()),
                    need.path("command").asText()));
        }
        if (!s.path("tokensExact").asBoolean()) {
            lim.add("Token figures are estimates (" + s.path("tokenMethod").asText()
                    + "), not exact Llama 3 tokenizer counts.");
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

    static String licenseText(String id) {
        return switch (id) {
            case "other" ->
                "Licence: other (see the project owner). Example text derived from the Llama 3.3 model or "
                        + "for training it is subject to the Llama 3.3 Community License.";
            default -> "Licence: `" + id + "`.";
        };
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String reasons(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.properties()
                .forEach(e -> out.add("`" + e.getKey() + "` " + n(e.getValue().asLong())));
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    private static String replacements(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.properties()
                .forEach(e -> out.add("`" + e.getKey() + "` " + n(e.getValue().asLong())));
        return String.join(", ", out);
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
