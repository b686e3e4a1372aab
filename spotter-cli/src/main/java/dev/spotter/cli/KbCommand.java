package dev.spotter.cli;

import dev.spotter.kb.KbColumns;
import dev.spotter.kb.KbLint;
import dev.spotter.kb.KbPlanning;
import dev.spotter.kb.KbSource;
import dev.spotter.kb.QuotaPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spotter kb …}: thin adapters over {@link dev.spotter.kb}. Where chunks come from is decided by the library
 * ({@link dev.spotter.Spotter#kbSource}); these classes only turn options into its request and print its results.
 */
@Command(
        name = "kb",
        mixinStandardHelpOptions = true,
        description = {
            "Knowledge base: read the Supabase/Postgres knowledge_base table (or the bundled sample), load one,"
                    + " lint it, and plan, generate and check chunk -> Q&A coverage and grounding.",
            "Chunks come from --chunks FILE, --db-url URL, --supabase-url URL (REST), or the SPOTTER_KB_URL"
                    + " environment variable; only when none is given, from the bundled 23-chunk sample, and every"
                    + " command then says so. A password may come from the URL or PGPASSWORD and is never printed."
        },
        subcommands = {
            KbExportCommand.class,
            KbImportCommand.class,
            KbQuotaCommand.class,
            KbCoverageCommand.class,
            KbGenerateCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class KbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw SpotterCli.missingCommand(spec);
    }

    /** Where a table is: a database URL or the REST API, the table and its column mapping. */
    static final class SourceOptions {
        @Option(
                names = "--db-url",
                paramLabel = "URL",
                description = "postgresql://user:pass@host:port/db (Supabase URI; percent-encode the password or use"
                        + " PGPASSWORD), jdbc:postgresql://… or jdbc:sqlite:FILE. Default: $" + KbSource.URL_ENV + ".")
        String url;

        @Option(
                names = "--supabase-url",
                paramLabel = "URL",
                description = "Read through Supabase's REST API instead: the project URL https://<ref>.supabase.co.")
        String supabaseUrl;

        @Option(
                names = "--supabase-key-env",
                paramLabel = "VAR",
                description = "Environment variable holding the REST API key (service_role reads past row-level"
                        + " security). The key is never printed.")
        String supabaseKeyEnv;

        @Option(
                names = "--table",
                defaultValue = "knowledge_base",
                paramLabel = "NAME",
                description = "Table name, optionally schema.table (default: ${DEFAULT-VALUE}).")
        String table;

        @Option(
                names = "--column",
                paramLabel = "FIELD=EXPR",
                description = "Map a chunk field (id, content, category, title, metadata, created_at, updated_at) to a"
                        + " column or a JSON path into a jsonb column, e.g. --column content=chunk_text --column"
                        + " 'category=metadata->>category'; FIELD=none leaves an optional field out.")
        Map<String, String> columns = new LinkedHashMap<>();

        KbSource.Request request(Path chunks) {
            return new KbSource.Request(
                    chunks, url, table, KbColumns.of(columns), supabaseUrl, supabaseKeyEnv, KbSource.URL_ENV);
        }
    }

    /** How chunks become a plan: the quota policy, the token limit per chunk, splitting. */
    static final class PlanOptions {
        @Option(
                names = "--policy",
                paramLabel = "FILE",
                description =
                        "Quota policy YAML (same shape as the bundled kb-quota.yaml). Default: the brief's quotas.")
        Path policy;

        @Option(
                names = "--max-chunk-tokens",
                defaultValue = "" + KbLint.DEFAULT_MAX_TOKENS,
                paramLabel = "N",
                description = "Lint: a chunk over N Llama 3 tokens is too long (default: ${DEFAULT-VALUE}).")
        int maxChunkTokens;

        @Option(
                names = "--split-long",
                description = "Split chunks over --max-chunk-tokens at headings, then paragraphs, into parts whose"
                        + " ids keep the parent id (PARENT#part-N).")
        boolean splitLong;

        QuotaPolicy policy() {
            return policy == null ? QuotaPolicy.defaults() : QuotaPolicy.load(policy);
        }

        KbPlanning.Settings settings() {
            return new KbPlanning.Settings(policy(), maxChunkTokens, splitLong);
        }
    }

    /** {@code --chunks FILE}: a chunks JSONL file as the source. */
    static final class ChunksOption {
        @Option(
                names = "--chunks",
                paramLabel = "FILE",
                description = "Chunks JSONL (from kb export). Otherwise the table named by the source options.")
        Path chunks;
    }

    /** Resolves the source and prepares the plan, printing the header (it names the sample when that is used). */
    static KbPlanning plan(
            CommandLine.Model.CommandSpec spec, SourceOptions src, ChunksOption chunks, PlanOptions plan) {
        var spotter = CliEnv.spotter(spec);
        KbPlanning p = spotter.kbPlan(spotter.kbSource(src.request(chunks.chunks)), plan.settings());
        var out = spec.commandLine().getOut();
        out.print(p.header());
        out.print(p.excludedText(20));
        return p;
    }
}
