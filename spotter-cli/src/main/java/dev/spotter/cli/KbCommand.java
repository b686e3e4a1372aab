package dev.spotter.cli;

import dev.spotter.ConfigurationException;
import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import dev.spotter.kb.GroundingChecker;
import dev.spotter.kb.KbChunk;
import dev.spotter.kb.KbChunks;
import dev.spotter.kb.KbCoverage;
import dev.spotter.kb.KbDatabase;
import dev.spotter.kb.KbExport;
import dev.spotter.kb.KbImporter;
import dev.spotter.kb.KbReader;
import dev.spotter.kb.QuotaPolicy;
import dev.spotter.kb.SampleKb;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.kernel.Sidecars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spotter kb …}: thin adapters over {@link dev.spotter.kb}. */
@Command(
        name = "kb",
        mixinStandardHelpOptions = true,
        description = {
            "Knowledge base: read the Supabase/Postgres knowledge_base table (or the bundled sample), load one,"
                    + " and check chunk -> Q&A coverage and grounding.",
            "The database URL comes from --db-url or the SPOTTER_KB_URL environment variable; a password may come"
                    + " from the URL or PGPASSWORD and is never printed."
        },
        subcommands = {
            KbCommand.Export.class,
            KbCommand.Import.class,
            KbCommand.Quota.class,
            KbCommand.Coverage.class,
            KbCommand.Generate.class,
            CommandLine.HelpCommand.class,
        })
public final class KbCommand implements Runnable {
    static final String URL_ENV = "SPOTTER_KB_URL";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by the commands that talk to a database. */
    static final class DbOptions {
        @Option(
                names = "--db-url",
                paramLabel = "URL",
                description =
                        "postgresql://user:pass@host:port/db (Supabase URI), jdbc:postgresql://… or jdbc:sqlite:FILE."
                                + " Default: $" + URL_ENV + ".")
        String url;

        @Option(
                names = "--table",
                defaultValue = "knowledge_base",
                paramLabel = "NAME",
                description = "Table name, optionally schema.table (default: ${DEFAULT-VALUE}).")
        String table;

        /** The URL from the option or the environment, or null when neither is set. */
        String resolved(Environment env) {
            if (url != null && !url.isBlank()) {
                return url;
            }
            return env.isSet(URL_ENV) ? env.get(URL_ENV).orElseThrow() : null;
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Write the knowledge base as chunks JSONL (canonical: re-importing and re-exporting gives the same bytes).",
                "Without --db-url and $" + URL_ENV + ", exports the bundled 23-chunk sample."
            })
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DbOptions db;

        @Option(names = "--category", paramLabel = "C", description = "Only rows whose category equals C.")
        String category;

        @Option(
                names = {"-o", "--output"},
                required = true,
                paramLabel = "FILE",
                description = "Output chunks JSONL.")
        Path output;

        @Option(
                names = "--quarantine",
                paramLabel = "FILE",
                description = "Rows that cannot be exported, with reasons (default: OUTPUT with .quarantine.jsonl).")
        Path quarantine;

        @Override
        public Integer call() {
            Path q = quarantine != null ? quarantine : Sidecars.of(output, ".quarantine.jsonl");
            String url = db.resolved(CliEnv.of(spec));
            KbReader.Stats s;
            String from;
            if (url == null) {
                try (SampleKb.Temp sample = SampleKb.temporary()) {
                    s = KbExport.toFile(new KbReader(sample.db(), "knowledge_base"), category, output, q);
                }
                from = "the bundled sample";
            } else {
                KbDatabase d = KbDatabase.fromUrl(url, CliEnv.of(spec));
                s = KbExport.toFile(new KbReader(d, db.table), category, output, q);
                from = db.table + " at " + d;
            }
            spec.commandLine()
                    .getOut()
                    .printf(
                            "kb export: read %d, exported %d, rejected %d from %s -> %s%s%n",
                            s.read(),
                            s.accepted(),
                            s.rejected(),
                            from,
                            output,
                            s.rejected() > 0 ? " (rejects: " + q + ")" : "");
            return s.rejected() > 0 ? ExitCodes.REJECTS : ExitCodes.OK;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Load chunks JSONL into a knowledge_base table (upsert by id, one transaction).")
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CHUNKS.jsonl", description = "Chunks JSONL, as written by kb export.")
        Path input;

        @CommandLine.Mixin
        DbOptions db;

        @Option(names = "--create-table", description = "Create the table first if it does not exist.")
        boolean createTable;

        @Option(
                names = "--id-type",
                defaultValue = "AUTO",
                paramLabel = "T",
                description = "Id column type for --create-table: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE},"
                        + " from the first record).")
        KbImporter.IdType idType;

        @Option(
                names = "--quarantine",
                paramLabel = "FILE",
                description = "Rejected lines, with reasons (default: INPUT with .quarantine.jsonl).")
        Path quarantine;

        @Override
        public Integer call() {
            String url = db.resolved(CliEnv.of(spec));
            if (url == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "kb import needs --db-url or $" + URL_ENV);
            }
            KbDatabase d = KbDatabase.fromUrl(url, CliEnv.of(spec));
            KbImporter importer = new KbImporter(d, db.table);
            if (createTable) {
                importer.createTable(idType);
            }
            Path q = quarantine != null ? quarantine : Sidecars.of(input, ".quarantine.jsonl");
            KbImporter.Stats s = importer.importFile(input, q);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "kb import: read %d, upserted %d, rejected %d into %s at %s%s%n",
                            s.read(),
                            s.upserted(),
                            s.rejected(),
                            db.table,
                            d,
                            s.rejected() > 0 ? " (rejects: " + q + ")" : "");
            return s.rejected() > 0 ? ExitCodes.REJECTS : ExitCodes.OK;
        }
    }

    /** Where the chunks and the quota policy come from; shared by quota, coverage and generate. */
    static final class ChunkOptions {
        @Option(
                names = "--chunks",
                paramLabel = "FILE",
                description = "Chunks JSONL (from kb export). Default: the bundled 23-chunk sample.")
        Path chunks;

        @Option(
                names = "--policy",
                paramLabel = "FILE",
                description =
                        "Quota policy YAML (same shape as the bundled kb-quota.yaml). Default: the brief's quotas.")
        Path policy;

        List<KbChunk> chunks() {
            return chunks == null ? KbChunks.sample() : KbChunks.read(chunks);
        }

        QuotaPolicy policy() {
            return policy == null ? QuotaPolicy.defaults() : QuotaPolicy.load(policy);
        }
    }

    @Command(
            name = "quota",
            mixinStandardHelpOptions = true,
            description =
                    "Show how many examples each chunk must yield (the brief's per-category ranges, spread over the chunks).")
    static final class Quota implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ChunkOptions in;

        @Override
        public Integer call() {
            List<QuotaPolicy.ChunkQuota> plan = in.policy().plan(in.chunks());
            var out = spec.commandLine().getOut();
            out.printf("%-38s %-26s %7s %6s %5s  %s%n", "chunk", "category", "min-max", "target", "multi", "title");
            int total = 0;
            for (QuotaPolicy.ChunkQuota q : plan) {
                out.printf(
                        Locale.ROOT,
                        "%-38s %-26s %7s %6d %5d  %s%n",
                        q.chunk().id(),
                        q.category().name(),
                        q.min() + "-" + q.max(),
                        q.target(),
                        q.multiTurn(),
                        q.chunk().title());
                total += q.target();
            }
            out.printf("%d chunks, %d examples to generate%n", plan.size(), total);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "coverage",
            mixinStandardHelpOptions = true,
            description = {
                "Check generated examples against their chunks: grounding (content-word and bigram overlap,"
                        + " numbers backed by the chunk) and per-chunk quotas. Exit 1 when a chunk is under its minimum"
                        + " or an example was rejected."
            })
    static final class Coverage implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EXAMPLES.jsonl", description = "Chat JSONL generated from the chunks.")
        Path examples;

        @CommandLine.Mixin
        ChunkOptions in;

        @Option(
                names = "--provenance",
                paramLabel = "FILE",
                description = "Provenance sidecar (line N describes example N; chunk id in attributes.source_id)."
                        + " Default: EXAMPLES.provenance.jsonl when it exists.")
        Path provenance;

        @Option(
                names = {"-o", "--grounded"},
                paramLabel = "FILE",
                description = "Write the accepted examples here.")
        Path grounded;

        @Option(
                names = "--quarantine",
                paramLabel = "FILE",
                description = "Rejected examples with reasons (default: EXAMPLES with .kb-rejects.jsonl).")
        Path quarantine;

        @Option(names = "--report", paramLabel = "FILE", description = "Write the per-chunk report as JSON.")
        Path report;

        @Option(
                names = "--min-score",
                defaultValue = "0.55",
                paramLabel = "S",
                description = "Grounding threshold, 0..1 (default: ${DEFAULT-VALUE}).")
        double minScore;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(examples)) {
                throw new DataSourceException("cannot read " + examples + ": no such file");
            }
            Path prov = provenance;
            if (prov == null && Files.isRegularFile(Sidecars.provenance(examples))) {
                prov = Sidecars.provenance(examples);
            }
            GroundingChecker checker;
            try {
                checker = GroundingChecker.builder().minScore(minScore).build();
            } catch (ConfigurationException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Path q = quarantine != null ? quarantine : Sidecars.of(examples, ".kb-rejects.jsonl");
            KbCoverage.Report r =
                    new KbCoverage(in.policy().plan(in.chunks()), checker).check(examples, prov, grounded, q);
            spec.commandLine().getOut().print(KbCoverage.table(r));
            if (report != null) {
                AtomicFile.write(report, KbCoverage.json(r));
            }
            if (r.rejected() > 0) {
                spec.commandLine().getOut().println("rejects: " + q);
            }
            spec.commandLine().getOut().flush();
            return r.ok() && r.rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTS;
        }
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = {
                "Turn knowledge-base chunks into grounded Q&A and multi-turn conversations with an LLM, through the"
                        + " generation engine (same state, resume, rate limits and budget as `spotter generate`), then check"
                        + " grounding and per-chunk coverage.",
                "Writes OUT (all examples the engine accepted), OUT.provenance.jsonl (chunk id in attributes.source_id),"
                        + " OUT.grounded.jsonl (examples that passed the grounding check, all rounds) and OUT.kb-rejects.jsonl.",
                "Grounding is checked inside the engine: an ungrounded answer is a reject (reason ungrounded, in OUT.rejects.jsonl)"
                        + " and its slot is retried; slots still open after their attempts are generated again in top-up rounds.",
                "API keys are read only from the environment variable named by --api-key-env."
            },
            footer = {
                "",
                "Exit codes: 0 every chunk covered and grounded; 1 short or rejected; 2 usage, I/O or provider refused.",
                "Example:",
                "  OPENAI_API_KEY=... spotter kb generate --model gpt-4o --budget-usd 5 --state st/kb -o out/kb.jsonl"
            })
    static final class Generate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ChunkOptions in;

        @Option(
                names = "--provider",
                defaultValue = "openai",
                description = "openai (any OpenAI-compatible server) or anthropic.")
        String provider;

        @Option(names = "--base-url", description = "API base URL (default: the provider's).")
        String baseUrl;

        @Option(
                names = "--api-key-env",
                description = "Environment variable holding the API key ('none' for local servers).")
        String apiKeyEnv;

        @Option(names = "--model", description = "Generator model id (required unless --dry-run or --print-plan).")
        String model;

        @Option(
                names = "--limit",
                defaultValue = "0",
                description = "Cap every plan category at N examples for a trial run.")
        int limit;

        @Option(
                names = "--budget-usd",
                description = "Never start a request that could push spend in this state past X dollars.")
        Double budgetUsd;

        @Option(names = "--state", description = "State directory (SQLite) for this plan.")
        Path state;

        @Option(
                names = {"-o", "--output"},
                description = "Output chat JSONL.")
        Path output;

        @Option(
                names = "--concurrency",
                defaultValue = "8",
                description = "Requests in flight. Default: ${DEFAULT-VALUE}.")
        int concurrency;

        @Option(names = "--rpm", defaultValue = "0", description = "Client-side requests per minute limit (0 = none).")
        int rpm;

        @Option(names = "--tpm", defaultValue = "0", description = "Client-side tokens per minute limit (0 = none).")
        long tpm;

        @Option(
                names = "--min-score",
                defaultValue = "0.55",
                description = "Grounding threshold, 0..1 (default: ${DEFAULT-VALUE}).")
        double minScore;

        @Option(names = "--dry-run", description = "Show the plan, quotas and a cost estimate; call nothing.")
        boolean dryRun;

        @Option(names = "--print-plan", description = "Print the generated kb plan as YAML and exit.")
        boolean printPlan;

        @Option(
                names = "--top-up-rounds",
                defaultValue = "2",
                description =
                        "After a round that left slots open (out of attempts), generate the per-chunk shortfall again"
                                + " with new attributes, at most N times"
                                + " (state STATE-topup-N, output OUT.topup-N.jsonl). Default: ${DEFAULT-VALUE}.")
        int topUpRounds;

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            List<KbChunk> chunks = in.chunks();
            List<QuotaPolicy.ChunkQuota> quotas = in.policy().plan(chunks);
            if (printPlan) {
                out.print(dev.spotter.kb.KbPlan.yaml(quotas));
                out.flush();
                return ExitCodes.OK;
            }
            if (state == null || output == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--state and -o/--output are required");
            }
            if (model == null && !dryRun) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--model is required");
            }
            GroundingChecker checker;
            try {
                checker = GroundingChecker.builder().minScore(minScore).build();
            } catch (ConfigurationException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            dev.spotter.kb.KbGeneration.Round round =
                    (plan, st, outPath, budget) -> dev.spotter.generate.GenerateOptions.builder(plan, st, outPath)
                            .provider(dev.spotter.llm.Provider.parse(provider))
                            .model(model == null ? "dry-run" : model)
                            .baseUrl(baseUrl)
                            .apiKeyEnv(apiKeyEnv)
                            .env(CliEnv.of(spec).lookup())
                            .limit(limit)
                            .budgetUsd(budget)
                            .concurrency(concurrency)
                            .rpm(rpm)
                            .tpm(tpm)
                            .progress(System.err, System.console() != null, java.time.Duration.ofSeconds(5));
            if (dryRun) {
                out.println(dev.spotter.generate.Generator.dryRun(
                        round.options(dev.spotter.kb.KbPlan.build(chunks, in.policy()), state, output, budgetUsd)
                                .build()));
                out.flush();
                return ExitCodes.OK;
            }
            if (topUpRounds < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--top-up-rounds must be >= 0");
            }
            dev.spotter.kb.KbGeneration.Result r =
                    dev.spotter.kb.KbGeneration.run(round, state, output, quotas, checker, topUpRounds, budgetUsd);
            for (int i = 0; i < r.rounds().size(); i++) {
                out.println((i == 0 ? "round 0: " : "top-up round " + i + ": ")
                        + r.rounds().get(i).summary());
            }
            out.print(KbCoverage.table(r.coverage()));
            out.println("grounded examples: " + r.grounded() + " ("
                    + r.coverage().accepted() + ")"
                    + (r.coverage().rejected() > 0
                            ? "; quarantined: " + r.rejects() + " ("
                                    + r.coverage().rejected() + ")"
                            : "")
                    + (r.shortfall() > 0 ? "; still short of the targets by " + r.shortfall() + " examples" : ""));
            out.flush();
            return r.ok() ? ExitCodes.OK : ExitCodes.REJECTS;
        }
    }
}
