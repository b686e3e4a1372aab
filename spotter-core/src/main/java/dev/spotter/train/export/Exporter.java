package dev.spotter.train.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.ConfigurationException;
import dev.spotter.FileException;
import dev.spotter.format.AcceptedLine;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.ConvertFormat;
import dev.spotter.format.Llama33Template;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.format.Role;
import dev.spotter.format.TokenCounter;
import dev.spotter.format.ValidationSummary;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.report.CostEstimate;
import dev.spotter.train.JobParams;
import dev.spotter.train.JobSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

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
    /** OpenAI's fine-tuning minimum: at least 10 training examples (platforms.md). */
    static final long OPENAI_MIN = 10;

    static final long FIREWORKS_MAX = 3_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The exact Llama 3 tokenizer behind the format package's counter interface. */
    public static final TokenCounter LLAMA3 = TokenCounter.llama3();

    private final Target target;
    private final Path outDir;
    private final JobSpec spec;
    private final TokenCounter tokenCounter;
    private final int sequenceLen;
    private final String hfBaseModel;
    private final Llama33Template bedrockTemplate;

    private Exporter(Builder b) {
        this.target = b.target;
        this.outDir = b.outDir;
        this.spec = b.spec;
        this.tokenCounter = b.tokenCounter;
        this.sequenceLen = b.sequenceLen;
        this.hfBaseModel = b.hfBaseModel;
        this.bedrockTemplate = b.bedrockTemplate;
    }

    public static Builder builder(Target target, Path outDir) {
        return new Builder(target, outDir);
    }

    public ExportReport export(List<Path> train, List<Path> validation) {
        if (train.isEmpty()) {
            throw new ConfigurationException("no training input files");
        }
        for (Path p : concat(train, validation)) {
            FileException.requireReadableFile(p);
        }
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Map<String, Object> rec = new LinkedHashMap<>();
        List<SplitReport> splits = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            Path quarantine = outDir.resolve("quarantine.jsonl");
            try (QuarantineWriter q = QuarantineWriter.to(quarantine)) {
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
                    JobParams.write(
                            outDir.resolve("job.json"),
                            spec,
                            "train.jsonl",
                            splits.size() > 1 ? "validation.jsonl" : null);
                    files.add("job.json");
                    if (errors.isEmpty()) { // never point at a submit that the platform would refuse
                        notes.add("submit with: spotter train submit --params " + outDir.resolve("job.json"));
                    }
                }
                case FIREWORKS -> {
                    if (tr.accepted() < FIREWORKS_MIN || tr.accepted() > FIREWORKS_MAX) {
                        errors.add("Fireworks needs 3 to 3,000,000 training examples, have " + tr.accepted());
                    }
                }
                case OPENAI -> {
                    long n = tr.accepted();
                    if (n < OPENAI_MIN) {
                        errors.add("OpenAI needs at least 10 training examples, have " + n);
                    }
                    rec.put("openai_n_epochs", CostEstimate.defaultEpochs(n));
                    notes.add("OpenAI: " + tr.missingSystem() + " examples without a system message, "
                            + tr.missingUser() + " without a user message (cookbook warnings)");
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
                    notes.add(
                            "Bedrock: Llama 3.3 70B fine-tuning availability is UNVERIFIED (check the AWS console for your region); the prompt"
                                    + " is the Llama 3.3 chat template (without <|begin_of_text|>, which the trainer adds) up to"
                                    + " the assistant header, the completion the last answer plus <|eot_id|>.");
                }
                case AXOLOTL -> {
                    AxolotlConfig.write(
                            outDir.resolve("axolotl.yaml"), hfBaseModel, spec, sequenceLen, splits.size() > 1);
                    files.add("axolotl.yaml");
                }
            }
            if (target == Target.OPENAI) {
                notes.add("OpenAI: " + tr.overTokenLimit()
                        + " examples over the cookbook's 16,385-token cap (counted with"
                        + " the Llama 3 tokenizer; OpenAI truncates them)");
            } else if (tokenCap() == 0) {
                notes.add(target.id() + ": no token limit applied (the platform's limit for this model is not known)");
            }
            ExportReport report = new ExportReport(target.id(), outDir.toString(), splits, files, errors, notes, rec);
            writeJson(outDir.resolve("export-report.json"), MAPPER.valueToTree(report));
            return report;
        } catch (IOException e) {
            throw e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                    ? FileException.of(e)
                    : FileException.writing(outDir, e);
        }
    }

    /** Rendered-conversation token limit the export rejects above, 0 = none ({@link TrainRule#limit()}). */
    private int tokenCap() {
        // OpenAI truncates instead of rejecting: its over-cap examples are counted, not rejected
        return target == Target.OPENAI ? 0 : rule().limit();
    }

    /** What this export's trainer trains on, with its settings ({@link TokenPreview} shows it). */
    public TrainRule rule() {
        return TrainRule.forExport(target, spec, sequenceLen);
    }

    /**
     * Validates every input of a split with the foundation's {@link ChatValidator} (Together files-check rules,
     * cookbook categories, Llama special-token and length rules; rejects go to the shared quarantine with their
     * file, line and reason) and writes each accepted example in the target's format.
     */
    private SplitReport writeSplit(String split, List<Path> inputs, QuarantineWriter quarantine) throws IOException {
        String outName = split + ".jsonl";
        ChatValidator.Builder vb = ChatValidator.builder().tokenCounter(tokenCounter);
        if (tokenCap() > 0) {
            vb.tokenLimit(tokenCap());
        } else {
            vb.noTokenLimit();
        }
        ChatValidator validator = vb.build();
        long[] counts = new long[3]; // missing system, missing user, over OpenAI's cap
        ValidationSummary total = ValidationSummary.empty();
        try (AtomicFile w = AtomicFile.open(outDir.resolve(outName))) {
            Consumer<AcceptedLine> sink = a -> {
                ChatExample ex = a.example();
                if (!ex.has(Role.SYSTEM)) {
                    counts[0]++;
                }
                if (!ex.has(Role.USER)) {
                    counts[1]++;
                }
                if (a.tokens() > OPENAI_MAX_TOKENS) {
                    counts[2]++;
                }
                try {
                    w.line(render(ex));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            for (Path in : inputs) {
                try {
                    total = total.plus(validator.validate(in, sink, quarantine), ChatValidator.DEFAULT_MAX_ERRORS);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            w.commit();
        }
        Map<String, Long> reasons = new LinkedHashMap<>();
        total.reasons().forEach((r, n) -> reasons.put(r.code(), n));
        return new SplitReport(
                split,
                outName,
                total.read(),
                total.accepted(),
                total.rejected(),
                reasons,
                counts[0],
                counts[1],
                target == Target.OPENAI ? counts[2] : -1);
    }

    private String render(ChatExample ex) {
        return target == Target.BEDROCK
                ? ConvertFormat.PROMPT_COMPLETION.line(ex, bedrockTemplate)
                : ChatJson.toJsonLine(ex);
    }

    private static void writeJson(Path p, JsonNode n) throws IOException {
        AtomicFile.write(
                p, MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n) + "\n");
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
        private TokenCounter tokenCounter = LLAMA3;
        private int sequenceLen = 8192;
        private String hfBaseModel = AxolotlConfig.DEFAULT_BASE_MODEL;
        private Llama33Template bedrockTemplate = Llama33Template.of(Llama33Template.DEFAULT_DATE, false);

        private Builder(Target target, Path outDir) {
            this.target = Objects.requireNonNull(target, "target");
            this.outDir = Objects.requireNonNull(outDir, "outDir");
        }

        /** Hyper-parameters for job.json (Together), axolotl.yaml and bedrock-hyperparameters.json. */
        public Builder jobSpec(JobSpec v) {
            this.spec = Objects.requireNonNull(v);
            return this;
        }
        /** Token counter for the length limits (default: the exact Llama 3 tokenizer). */
        public Builder tokenCounter(TokenCounter v) {
            this.tokenCounter = Objects.requireNonNull(v);
            return this;
        }
        /** axolotl {@code sequence_len}; longer examples are rejected when a token counter is set. */
        public Builder sequenceLen(int v) {
            this.sequenceLen = v;
            return this;
        }

        public Builder hfBaseModel(String v) {
            this.hfBaseModel = v;
            return this;
        }
        /** Template for Bedrock's prompt/completion text (default: Llama 3.3, date 26 Jul 2024, no BOS). */
        public Builder bedrockTemplate(Llama33Template v) {
            this.bedrockTemplate = Objects.requireNonNull(v);
            return this;
        }

        public Exporter build() {
            if (sequenceLen < 512 || sequenceLen > 131_072) {
                throw new ConfigurationException("sequence length must be 512..131072, was " + sequenceLen);
            }
            if (hfBaseModel == null || hfBaseModel.isBlank()) {
                throw new ConfigurationException("base model must not be blank");
            }
            return new Exporter(this);
        }
    }
}
