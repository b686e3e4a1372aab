package dev.spotter.kb;

import dev.spotter.ConfigurationException;
import dev.spotter.ProviderException;
import dev.spotter.checks.CheckResult;
import dev.spotter.generate.ExampleCheck;
import dev.spotter.generate.GenerateOptions;
import dev.spotter.generate.GenerationState;
import dev.spotter.generate.Generator;
import dev.spotter.generate.Plan;
import dev.spotter.generate.Report;
import dev.spotter.kernel.Sidecars;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chunk → examples: runs the generation engine on the {@link KbPlan}, checks what it wrote with {@link KbCoverage},
 * and tops up.
 *
 * <p>Grounding runs inside the engine ({@link #groundingCheck}, an {@link ExampleCheck}): an ungrounded answer is a
 * reject with reason code {@code ungrounded} in the engine's quarantine ({@code OUT.rejects.jsonl}), its slot stays
 * open and is retried in the same round, like a schema failure. The coverage check afterwards therefore normally
 * finds every example grounded; it still runs (the report, the grounded file, and a safety net if the checker's
 * settings differ).
 *
 * <p><b>Top-up rounds.</b> A shortfall remains when slots ran out of their attempts in a round (4 per slot per run).
 * Then the shortfall per chunk (target minus grounded, and the multi-turn part of it) becomes a small top-up plan,
 * run with its own state directory ({@code STATE-topup-N}), output ({@code OUT.topup-N.jsonl}) and a different
 * attribute seed (new angles and user styles for the same chunk), at most {@code topUpRounds} times; each round's
 * report is returned. Rounds stop early when nothing is short, or when a round stopped for another reason than
 * attempts (the budget, an interruption, a refusal): another round could not do better. Every round is resumable
 * like any engine run, and the rounds are deterministic given the earlier rounds' output, so rerunning the same
 * command continues where it stopped. A round whose next top-up round already has a state is not run again (its
 * report comes from its state, {@link Generator#status}): the engine gives slots new attempts on every run, so it
 * would fill the slots the top-up round had taken over a second time, paying for examples beyond the target. (When
 * examples of that round were just retired as stale, it runs, to regenerate them.) The coverage check always runs over all rounds' output together;
 * {@code OUT.grounded.jsonl} is the result.
 *
 * <p><b>Changed chunks.</b> Every example records the SHA-256 of the chunk text it was generated from
 * ({@code attributes.source_sha256}, {@link KbPlan#sourceSha256}). Before a round runs, accepted examples whose
 * chunk has changed since (or is gone) are retired in its state (reason code {@code stale_chunk}): exactly those
 * slots are generated again, everything else is kept.
 */
public final class KbGeneration {
    /**
     * Builds the engine options for one round: the caller's provider, model, limits … with this plan, state, output
     * and budget ({@code null} = no cap). The budget is what is left of the overall cap after the earlier rounds, so
     * {@code --budget-usd} bounds the spend of all rounds together.
     */
    @FunctionalInterface
    public interface Round {
        GenerateOptions.Builder options(Plan plan, Path state, Path output, Double budgetUsd);
    }

    /** The engine-side grounding check: the slot's chunk (by source id) against the example; reject code {@code ungrounded}. */
    public static ExampleCheck groundingCheck(List<QuotaPolicy.ChunkQuota> quotas, GroundingChecker checker) {
        Map<String, String> content = quotas.stream()
                .collect(Collectors.toMap(q -> q.chunk().id(), q -> q.chunk().content(), (a, b) -> a));
        return (category, source, example) -> {
            String chunk = source == null ? null : content.get(source.id());
            if (chunk == null) {
                return CheckResult.of(
                        "ungrounded",
                        "no knowledge-base chunk for this slot's source " + (source == null ? "(none)" : source.id()));
            }
            GroundingChecker.Result r = checker.check(chunk, example);
            return r.grounded() ? CheckResult.OK : CheckResult.of("ungrounded", r.reason());
        };
    }

    /**
     * All rounds' engine reports (and how many examples each round asked for), the final coverage report, the
     * files written, and how many examples were retired because their chunk changed.
     */
    public record Result(
            List<Report> rounds,
            List<Integer> asked,
            KbCoverage.Report coverage,
            Path output,
            Path grounded,
            Path rejects,
            int shortfall,
            int retired) {
        /** Every round ran to completion, every chunk met its min and multi-turn share and reached its target. */
        public boolean ok() {
            return rounds.getLast().complete() && coverage.ok() && shortfall == 0;
        }
    }

    private KbGeneration() {}

    /**
     * @param round       engine options per round
     * @param state       state directory of the first round (top-ups use siblings)
     * @param output      output of the first round (top-ups use siblings)
     * @param quotas      per-chunk quotas ({@link QuotaPolicy#plan})
     * @param topUpRounds how many top-up rounds at most (0 = check only)
     * @param budgetUsd   overall spend cap across rounds, or {@code null}
     */
    public static Result run(
            Round round,
            Path state,
            Path output,
            List<QuotaPolicy.ChunkQuota> quotas,
            GroundingChecker checker,
            int topUpRounds,
            Double budgetUsd)
            throws IOException, ProviderException {
        if (topUpRounds < 0) {
            throw ConfigurationException.forParameter("topUpRounds", "must be >= 0, was " + topUpRounds);
        }
        Path grounded = Sidecars.of(output, ".grounded.jsonl");
        Path rejects = Sidecars.of(output, ".kb-rejects.jsonl");
        List<Report> reports = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();
        List<QuotaPolicy.ChunkQuota> want = quotas;
        KbCoverage.Report cov = null;
        int shortfall = 0;
        int retired = 0;
        double spent = 0;
        for (int r = 0; ; r++) {
            Path out = r == 0 ? output : Sidecars.of(output, ".topup-" + r + ".jsonl");
            Path st = r == 0 ? state : state.resolveSibling(state.getFileName() + "-topup-" + r);
            Double left = budgetUsd == null ? null : budgetUsd - spent;
            if (r > 0 && left != null && left <= 0) {
                break; // the cap is spent; the report shows the shortfall
            }
            Plan plan = KbPlan.build(want, KbPlan.SEED + r);
            int retiredNow = retireStale(st, plan, quotas);
            retired += retiredNow;
            GenerateOptions opts = round.options(plan, st, out, left)
                    .extraCheck(groundingCheck(quotas, checker))
                    .build();
            Path next = state.resolveSibling(state.getFileName() + "-topup-" + (r + 1));
            Report rep;
            if (r < topUpRounds && retiredNow == 0 && Files.exists(next.resolve("state.db"))) {
                // an earlier run finished this round and handed its shortfall to the next one: running it again
                // would give its exhausted slots new attempts and fill them a second time (beyond the target)
                Report held = Generator.status(opts);
                rep = held.complete()
                        ? held
                        : new Report(
                                held.categories(),
                                held.totals(),
                                held.rejectsByReason(),
                                Report.OUT_OF_ATTEMPTS + "their attempts in an earlier run; top-up round " + (r + 1)
                                        + " took over the shortfall",
                                held.outputLines());
            } else {
                rep = Generator.run(opts);
            }
            spent += rep.totals().costUsd();
            reports.add(rep);
            asked.add(plan.totalTarget());
            outputs.add(out);
            cov = check(outputs, quotas, checker, grounded, rejects);
            want = shortfall(quotas, cov);
            shortfall = want.stream().mapToInt(QuotaPolicy.ChunkQuota::target).sum();
            boolean retryable = rep.complete() || rep.outOfAttemptsOnly();
            if (shortfall == 0 || !retryable || r >= topUpRounds) {
                break; // done, out of rounds, or stopped for a reason another round would hit again
            }
        }
        return new Result(reports, asked, cov, output, grounded, rejects, shortfall, retired);
    }

    /**
     * Retires, in the state at {@code dir} (when it exists), the accepted examples whose chunk changed since they
     * were generated or is no longer in the knowledge base.
     */
    static int retireStale(Path dir, Plan plan, List<QuotaPolicy.ChunkQuota> quotas) throws IOException {
        if (!Files.exists(dir.resolve("state.db"))) {
            return 0;
        }
        Map<String, String> now = new java.util.HashMap<>();
        quotas.forEach(q -> now.put(q.chunk().id(), KbPlan.sourceSha256(q.chunk())));
        int n = 0;
        try (GenerationState st = GenerationState.open(dir)) {
            for (Plan.Category c : plan.categories()) {
                n += st.retire(c.id(), attrs -> KbCoverage.staleReason(attrs, now), "stale_chunk");
            }
        }
        return n;
    }

    /** Coverage over the concatenation of the rounds' outputs and provenance files. */
    private static KbCoverage.Report check(
            List<Path> outputs,
            List<QuotaPolicy.ChunkQuota> quotas,
            GroundingChecker checker,
            Path grounded,
            Path rejects)
            throws IOException {
        if (outputs.size() == 1) {
            return new KbCoverage(quotas, checker)
                    .check(outputs.get(0), Sidecars.provenance(outputs.get(0)), grounded, rejects);
        }
        Path dir = outputs.get(0).toAbsolutePath().getParent();
        Path all = Files.createTempFile(dir, ".kb-all-", ".jsonl");
        Path prov = Files.createTempFile(dir, ".kb-all-", ".provenance.jsonl");
        try {
            try (BufferedWriter a = Files.newBufferedWriter(all, StandardCharsets.UTF_8);
                    BufferedWriter p = Files.newBufferedWriter(prov, StandardCharsets.UTF_8)) {
                for (Path o : outputs) {
                    append(o, a);
                    append(Sidecars.provenance(o), p);
                }
            }
            return new KbCoverage(quotas, checker).check(all, prov, grounded, rejects);
        } finally {
            Files.deleteIfExists(all);
            Files.deleteIfExists(prov);
        }
    }

    private static void append(Path from, BufferedWriter to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (var lines = Files.lines(from, StandardCharsets.UTF_8)) {
            for (String l : (Iterable<String>) lines::iterator) {
                to.write(l);
                to.write('\n');
            }
        }
    }

    /** Per chunk: target minus grounded examples (and the multi-turn examples still missing among them). */
    static List<QuotaPolicy.ChunkQuota> shortfall(List<QuotaPolicy.ChunkQuota> quotas, KbCoverage.Report cov) {
        Map<String, KbCoverage.ChunkRow> rows =
                cov.rows().stream().collect(Collectors.toMap(KbCoverage.ChunkRow::id, Function.identity()));
        List<QuotaPolicy.ChunkQuota> out = new ArrayList<>();
        for (QuotaPolicy.ChunkQuota q : quotas) {
            KbCoverage.ChunkRow row = rows.get(q.chunk().id());
            int have = row == null ? 0 : row.accepted();
            int haveMulti = row == null ? 0 : row.multiTurn();
            int need = Math.max(0, q.target() - have);
            int needMulti = Math.min(need, Math.max(0, q.multiTurn() - haveMulti));
            out.add(new QuotaPolicy.ChunkQuota(q.chunk(), q.category(), need, needMulti));
        }
        return out;
    }
}
