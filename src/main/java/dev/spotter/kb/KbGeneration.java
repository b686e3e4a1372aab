package dev.spotter.kb;

import dev.spotter.generate.GenerateOptions;
import dev.spotter.generate.Generator;
import dev.spotter.generate.OutputFiles;
import dev.spotter.generate.Report;
import dev.spotter.llm.LlmException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Chunk → examples: runs the generation engine on the {@link KbPlan}, then the {@link KbCoverage} check on what it
 * wrote. The engine fills every slot with an example that passed its own checks; grounding is checked afterwards,
 * so an ungrounded example still occupies its slot in the engine's state — it is kept out of the grounded output,
 * quarantined with its reason, and its chunk shows as short in the report.
 */
public final class KbGeneration {
    /** Both reports and the files written. */
    public record Result(Report generation, KbCoverage.Report coverage, Path output, Path grounded, Path rejects) {
        public boolean ok() {
            return generation.complete() && coverage.ok() && coverage.rejected() == 0;
        }
    }

    private KbGeneration() {}

    /**
     * @param options built with {@link KbPlan#build} as the plan and {@code output} as the output
     * @param quotas  the same per-chunk quotas the plan was built from
     */
    public static Result run(GenerateOptions options, Path output, List<QuotaPolicy.ChunkQuota> quotas,
                             GroundingChecker checker) throws IOException, LlmException {
        Report gen = Generator.run(options);
        Path grounded = sibling(output, ".grounded.jsonl");
        Path rejects = sibling(output, ".kb-rejects.jsonl");
        KbCoverage.Report cov = new KbCoverage(quotas, checker)
                .check(output, OutputFiles.provenancePath(output), grounded, rejects);
        return new Result(gen, cov, output, grounded, rejects);
    }

    static Path sibling(Path file, String suffix) {
        String n = file.getFileName().toString();
        String base = n.endsWith(".jsonl") ? n.substring(0, n.length() - ".jsonl".length()) : n;
        return file.resolveSibling(base + suffix);
    }
}
