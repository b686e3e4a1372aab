package dev.spotter.train.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Role;
import dev.spotter.train.JobParams;
import dev.spotter.train.JobSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Writes a dataset in one platform's format, checking every record with that platform's rules on the way.
 *
 * <pre>{@code
 * ExportReport r = Exporter.builder(Target.TOGETHER, Path.of("out/together"))
 *         .jobSpec(JobSpec.builder().suffix("spotter-v1").build())
 *         .build()
 *         .export(List.of(Path.of("dataset/train.jsonl")), List.of(Path.of("dataset/validation.jsonl")));
 * }</pre>
 *
 * <p>Streaming: inputs are read one line at a time and written at once; memory does not depend on input size.
 * Every line read ends up either in the split's output or in {@code quarantine.jsonl} with its file, line and
 * reason code. Output files: {@code train.jsonl}, {@code validation.jsonl} (when validation inputs are given),
 * {@code quarantine.jsonl}, {@code export-report.json}, and per target {@code job.json} (Together),
 * {@code axolotl.yaml} (axolotl), {@code bedrock-hyperparameters.json} (Bedrock).
 */
public final class Exporter {
    /** Together SFT limit for Llama-3.3-70B-Instruct-Reference (platforms.md, Sep 2025). */
    public static final int TOGETHER_MAX_TOKENS = 24_576;
    /** OpenAI cookbook's per-example token cap. */
    public static final int OPENAI_MAX_TOKENS = 16_385;
    /** Together files-check maximum file size: 50.1 GiB. */
    static final long TOGETHER_MAX_BYTES = (long) (50.1 * (1L << 30));
    static final long FIREWORKS_MIN = 3;
    static final long FIREWORKS_MAX = 3_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Bedrock needs the conversation as text: the rendered prompt and the completion. */
    public record PromptCompletion(String prompt, String completion) {}

    private final Target target;
    private final Path outDir;
    private final JobSpec spec;
    private final ToIntFunction<ChatExample> tokenCounter;
    private final int sequenceLen;
    private final String hfBaseModel;
    private final Function<ChatExample, PromptCompletion> promptCompletion;

    private Exporter(Builder b) {
        this.target = b.target;
        this.outDir = b.outDir;
        this.spec = b.spec;
        this.tokenCounter = b.tokenCounter;
        this.sequenceLen = b.sequenceLen;
        this.hfBaseModel = b.hfBaseModel;
        this.promptCompletion = b.promptCompletion;
    }

    public static Builder builder(Target target, Path outDir) {
        return new Builder(target, outDir);
    }

    public ExportReport export(List<Path> train, List<Path> validation) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training input files");
        }
        for (Path p : concat(train, validation)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("input file not found: " + p);
            }
        }
        if (target == Target.BEDROCK && promptCompletion == null) {
            throw new IllegalStateException("bedrock export needs a prompt renderer (Llama 3.3 template)");
        }
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Map<String, Object> rec = new LinkedHashMap<>();
        List<SplitReport> splits = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            Path quarantine = outDir.resolve("quarantine.jsonl");
            try (BufferedWriter q = Files.newBufferedWriter(quarantine, StandardCharsets.UTF_8)) {
                splits.add(writeSplit("train", train, q));
                if (!validation.isEmpty()) {
                    splits.add(writeSplit("validation", validation, q));
                }
            }
            for (SplitReport s : splits) {
                files.add(s.output());
            }
            files.add("quarantine.jsonl");
            SplitReport tr = splits.get(0);
            if (tr.accepted() == 0) {
                errors.add("no training example passed the " + target.id() + " checks");
            }
            switch (target) {
                case TOGETHER -> {
                    for (SplitReport s : splits) {
                        long size = Files.size(outDir.resolve(s.output()));
                        if (size > TOGETHER_MAX_BYTES) {
                            errors.add(s.output() + " is " + size + " bytes, over Together's 50.1 GiB limit");
                        }
                        if (s.accepted() == 0 && !s.split().equals("train")) {
                            errors.add(s.output() + " is empty (Together rejects empty files)");
                        }
                    }
                    JobParams.write(outDir.resolve("job.json"), spec, "train.jsonl",
                            splits.size() > 1 ? "validation.jsonl" : null);
                    files.add("job.json");
                }
                case FIREWORKS -> {
                    if (tr.accepted() < FIREWORKS_MIN || tr.accepted() > FIREWORKS_MAX) {
                        errors.add("Fireworks needs 3 to 3,000,000 training examples, have " + tr.accepted());
                    }
                }
                case OPENAI -> {
                    long n = tr.accepted();
                    rec.put("openai_n_epochs", openAiEpochs(n));
                    notes.add("OpenAI: " + tr.missingSystem() + " examples without a system message, " + tr.missingUser()
                            + " without a user message (cookbook warnings)");
                }
                case BEDROCK -> {
                    if (spec.epochs() > 10) {
                        errors.add("Bedrock epochCount must be 1..10, job spec has " + spec.epochs());
                    }
                    if (spec.learningRate() < 5e-6 || spec.learningRate() > 0.1) {
                        errors.add("Bedrock learningRate must be in [5e-6, 0.1], job spec has " + spec.learningRate());
                    }
                    ObjectNode hp = MAPPER.createObjectNode();
                    hp.put("epochCount", String.valueOf(Math.min(10, spec.epochs())));
                    hp.put("batchSize", "1");
                    hp.put("learningRate", String.valueOf(spec.learningRate()));
                    writeJson(outDir.resolve("bedrock-hyperparameters.json"), hp);
                    files.add("bedrock-hyperparameters.json");
                    notes.add("Bedrock: Llama 3.3 70B fine-tuning availability is UNVERIFIED (platforms.md); the prompt"
                            + " is the Llama 3.3 chat template up to the assistant header, the completion the answer.");
                }
                case AXOLOTL -> {
                    AxolotlConfig.write(outDir.resolve("axolotl.yaml"), hfBaseModel, spec, sequenceLen,
                            splits.size() > 1);
                    files.add("axolotl.yaml");
                }
            }
            if (tokenCounter == null) {
                notes.add("token limits not checked: no tokenizer was given");
            }
            ExportReport report = new ExportReport(target.id(), outDir.toString(), splits, files, errors, notes, rec);
            writeJson(outDir.resolve("export-report.json"), MAPPER.valueToTree(report));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("export to " + outDir + " failed: " + e.getMessage(), e);
        }
    }

    /** Cookbook rule: 3 epochs, raised for small sets (min(25, 100 // n)), lowered for big ones (max(1, 25000 // n)). */
    static int openAiEpochs(long n) {
        if (n <= 0) {
            return 3;
        }
        if (n * 3 < 100) {
            return (int) Math.min(25, 100 / n);
        }
        if (n * 3 > 25_000) {
            return (int) Math.max(1, 25_000 / n);
        }
        return 3;
    }

    private int tokenCap() {
        return switch (target) {
            case TOGETHER -> TOGETHER_MAX_TOKENS;
            case OPENAI -> OPENAI_MAX_TOKENS;
            case AXOLOTL -> sequenceLen;
            default -> Integer.MAX_VALUE;
        };
    }

    private SplitReport writeSplit(String split, List<Path> inputs, BufferedWriter quarantine) throws IOException {
        String outName = split + ".jsonl";
        long read = 0;
        long accepted = 0;
        long missingSystem = 0;
        long missingUser = 0;
        long overTokens = tokenCounter == null ? -1 : 0;
        Map<String, Long> reasons = new TreeMap<>();
        int cap = tokenCap();
        try (BufferedWriter w = Files.newBufferedWriter(outDir.resolve(outName), StandardCharsets.UTF_8)) {
            for (Path in : inputs) {
                try (Utf8Lines lines = new Utf8Lines(Files.newInputStream(in))) {
                    for (Utf8Lines.Line line; (line = lines.next()) != null; ) {
                        read++;
                        Optional<Reject> reject;
                        ChatExample ex = null;
                        if (line.text() == null) {
                            reject = Optional.of(new Reject("not_utf8", "line is not valid UTF-8"));
                        } else if (line.text().isBlank()) {
                            reject = Optional.of(new Reject("blank_line", "empty line"));
                        } else {
                            List<Reject> problems = new ArrayList<>(1);
                            try {
                                ex = TargetRules.parse(MAPPER.readTree(line.text()), target, problems);
                            } catch (JsonProcessingException e) {
                                problems.add(new Reject("not_json", oneLine(e.getOriginalMessage())));
                            }
                            reject = problems.isEmpty() ? TargetRules.check(ex, target) : Optional.of(problems.get(0));
                        }
                        boolean over = false;
                        if (reject.isEmpty() && tokenCounter != null && tokenCounter.applyAsInt(ex) > cap) {
                            if (target == Target.TOGETHER || target == Target.AXOLOTL) {
                                reject = Optional.of(new Reject("too_many_tokens", tokenCounter.applyAsInt(ex)
                                        + " tokens, over the " + target.id() + " limit of " + cap));
                            } else {
                                over = true; // OpenAI truncates; the cookbook only warns
                            }
                        }
                        if (reject.isPresent()) {
                            Reject r = reject.get();
                            reasons.merge(r.code(), 1L, Long::sum);
                            ObjectNode qn = MAPPER.createObjectNode();
                            qn.put("file", in.toString());
                            qn.put("line", line.number());
                            qn.put("split", split);
                            qn.put("reason", r.code());
                            qn.put("detail", r.detail());
                            qn.put("record", line.text());
                            quarantine.write(qn.toString());
                            quarantine.write('\n');
                            continue;
                        }
                        accepted++;
                        if (over) {
                            overTokens++;
                        }
                        if (!ex.has(Role.SYSTEM)) {
                            missingSystem++;
                        }
                        if (!ex.has(Role.USER)) {
                            missingUser++;
                        }
                        w.write(render(ex));
                        w.write('\n');
                    }
                }
            }
        }
        return new SplitReport(split, outName, read, accepted, read - accepted, reasons, missingSystem, missingUser,
                overTokens);
    }

    private String render(ChatExample ex) {
        if (target == Target.BEDROCK) {
            PromptCompletion pc = promptCompletion.apply(ex);
            ObjectNode o = MAPPER.createObjectNode();
            o.put("prompt", pc.prompt());
            o.put("completion", pc.completion());
            return o.toString();
        }
        return ChatJson.toJsonLine(ex);
    }

    private static void writeJson(Path p, JsonNode n) throws IOException {
        Files.writeString(p, MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n) + "\n");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    public static final class Builder {
        private final Target target;
        private final Path outDir;
        private JobSpec spec = JobSpec.builder().build();
        private ToIntFunction<ChatExample> tokenCounter;
        private int sequenceLen = 8192;
        private String hfBaseModel = AxolotlConfig.DEFAULT_BASE_MODEL;
        private Function<ChatExample, PromptCompletion> promptCompletion;

        private Builder(Target target, Path outDir) {
            this.target = Objects.requireNonNull(target, "target");
            this.outDir = Objects.requireNonNull(outDir, "outDir");
        }

        /** Hyper-parameters for job.json (Together), axolotl.yaml and bedrock-hyperparameters.json. */
        public Builder jobSpec(JobSpec v) { this.spec = Objects.requireNonNull(v); return this; }
        /** Tokens per example (Llama 3 tokenizer over the rendered conversation); enables the length limits. */
        public Builder tokenCounter(ToIntFunction<ChatExample> v) { this.tokenCounter = v; return this; }
        /** axolotl {@code sequence_len}; longer examples are rejected when a token counter is set. */
        public Builder sequenceLen(int v) { this.sequenceLen = v; return this; }
        public Builder hfBaseModel(String v) { this.hfBaseModel = v; return this; }
        /** Renders an example as Bedrock prompt/completion (required for {@link Target#BEDROCK}). */
        public Builder promptCompletion(Function<ChatExample, PromptCompletion> v) { this.promptCompletion = v; return this; }

        public Exporter build() {
            if (sequenceLen < 512 || sequenceLen > 131_072) {
                throw new IllegalArgumentException("sequence length must be 512..131072, was " + sequenceLen);
            }
            if (hfBaseModel == null || hfBaseModel.isBlank()) {
                throw new IllegalArgumentException("base model must not be blank");
            }
            return new Exporter(this);
        }
    }
}
