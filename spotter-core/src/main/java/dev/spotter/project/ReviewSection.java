package dev.spotter.project;

import dev.spotter.kernel.YamlNode;
import dev.spotter.review.ReviewPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code review:} (top level and per source) into {@link ReviewSettings}. Every bad value fails at once with
 * the key path ({@code spotter.yaml: sources[3].review.maxRejectRate: must be between 0.0 and 1.0, got 2.0});
 * unknown keys are errors.
 */
final class ReviewSection {
    private final boolean present;
    private final ReviewPolicy defaults;
    private final Path db;
    private final int leaseMinutes;
    private final Map<String, ReviewPolicy> sources = new LinkedHashMap<>();

    private ReviewSection(boolean present, ReviewPolicy defaults, Path db, int leaseMinutes) {
        this.present = present;
        this.defaults = defaults;
        this.db = db;
        this.leaseMinutes = leaseMinutes;
    }

    /** The top-level block (absent = no project defaults: only sources with their own mapping are reviewed). */
    static ReviewSection top(YamlNode top, Path baseDir, String outDir) {
        boolean present = top.has("review");
        YamlNode r = top.obj("review");
        String dbName = r.str("db", ReviewSettings.DEFAULT_DB);
        Path db = baseDir.resolve(dbName).normalize();
        Path out = baseDir.resolve(outDir).normalize();
        if (db.startsWith(out)) {
            // Why: the output folder is what gets uploaded; reviewers' names and notes do not belong there.
            throw r.error(r.at("db"), "must not be inside output.dir (" + outDir + "): decisions are not uploaded");
        }
        int lease = (int) r.integer("leaseMinutes", 10, 1, 24 * 60);
        ReviewPolicy defaults = policy(r, ReviewPolicy.builder());
        r.finish();
        return new ReviewSection(present, defaults, db, lease);
    }

    /**
     * Reads a source's {@code review:} key ({@code false}, or a mapping overriding the project's keys) and records
     * its policy when the source is reviewed. Call before the source node's {@code finish()}.
     */
    void source(YamlNode s, SourceSpec spec) {
        boolean own = s.isMapping("review");
        boolean reviewed;
        ReviewPolicy p = defaults;
        if (own) {
            YamlNode n = s.obj("review");
            p = policy(n, defaults.toBuilder());
            n.finish();
            reviewed = true;
        } else {
            boolean machine = spec.kind() == SourceKind.GENERATION || spec.kind() == SourceKind.KNOWLEDGE_BASE;
            boolean flag = s.bool("review", present && machine);
            if (flag && !present) {
                throw s.error(s.at("review"), "true needs a top-level review: block (or give a mapping here)");
            }
            reviewed = flag;
        }
        if (!reviewed) {
            return;
        }
        if (spec.synthesized()) {
            throw s.error(s.at("review"), "a source the build synthesizes cannot be reviewed (it has no file)");
        }
        String path = spec.paths().size() == 1 ? spec.paths().get(0) : null;
        if (path == null || path.contains("*") || path.contains("?") || path.contains("[")) {
            throw s.error(
                    s.at("review"),
                    "a reviewed source must name exactly one file (path, no glob): decisions and sign-offs are bound"
                            + " to that file's batches" + (present && !own ? "; or set review: false" : ""));
        }
        sources.put(spec.id(), p);
    }

    ReviewSettings settings() {
        return new ReviewSettings(db, leaseMinutes, sources);
    }

    /** The policy keys of one block over {@code b}. */
    private static ReviewPolicy policy(YamlNode n, ReviewPolicy.Builder b) {
        String mode = n.str("mode", null);
        if (mode != null) {
            b.mode(
                    switch (mode.toLowerCase(Locale.ROOT)) {
                        case "all" -> ReviewPolicy.Mode.ALL;
                        case "sample" -> ReviewPolicy.Mode.SAMPLE;
                        default -> throw n.error(n.at("mode"), "must be 'all' or 'sample', got '" + mode + "'");
                    });
        }
        ReviewPolicy now = b.build();
        YamlNode sm = n.obj("sample");
        if (n.has("sample")) {
            double percent = sm.decimal("percent", now.samplePercent(), 0, 100);
            if (percent <= 0) {
                throw sm.error(sm.at("percent"), "must be > 0, got " + percent);
            }
            b.sample(percent, (int) sm.integer("min", now.minSample(), 1, 1_000_000));
            b.seed(sm.integer("seed", now.seed(), Long.MIN_VALUE, Long.MAX_VALUE));
            sm.finish();
        }
        b.maxRejectRate(n.decimal("maxRejectRate", now.maxRejectRate(), 0.0, 1.0));
        String onFail = n.str("onFail", null);
        if (onFail != null) {
            b.onFail(
                    switch (onFail.toLowerCase(Locale.ROOT)) {
                        case "fail" -> ReviewPolicy.OnFail.FAIL;
                        case "escalate" -> ReviewPolicy.OnFail.ESCALATE;
                        default -> throw n.error(n.at("onFail"), "must be 'fail' or 'escalate', got '" + onFail + "'");
                    });
        }
        b.batchSize((int) n.integer("batchSize", now.batchSize(), 1, 1_000_000));
        List<YamlNode> rs = n.objects("reasons");
        if (n.has("reasons")) {
            if (rs.isEmpty()) {
                throw n.error(n.at("reasons"), "must list at least one reason");
            }
            List<ReviewPolicy.Reason> reasons = new ArrayList<>();
            for (YamlNode r : rs) {
                String code = r.reqStr("code");
                String label = r.str("label", code);
                try {
                    reasons.add(new ReviewPolicy.Reason(code, label));
                } catch (IllegalArgumentException e) {
                    throw r.error(r.at("code"), e.getMessage());
                }
                r.finish();
            }
            try {
                b.reasons(reasons);
            } catch (IllegalArgumentException e) {
                throw n.error(n.at("reasons"), e.getMessage());
            }
        }
        return b.build();
    }
}
