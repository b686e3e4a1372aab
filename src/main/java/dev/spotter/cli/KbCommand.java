package dev.spotter.cli;

import dev.spotter.kb.KbDatabase;
import dev.spotter.kb.KbExport;
import dev.spotter.kb.KbImporter;
import dev.spotter.kb.KbReader;
import dev.spotter.kb.SampleKb;
import java.nio.file.Path;
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
        @Option(names = "--db-url", paramLabel = "URL",
                description = "postgresql://user:pass@host:port/db (Supabase URI), jdbc:postgresql://… or jdbc:sqlite:FILE."
                        + " Default: $" + URL_ENV + ".")
        String url;

        @Option(names = "--table", defaultValue = "knowledge_base", paramLabel = "NAME",
                description = "Table name, optionally schema.table (default: ${DEFAULT-VALUE}).")
        String table;

        /** The URL from the option or the environment, or null when neither is set. */
        String resolved() {
            if (url != null && !url.isBlank()) {
                return url;
            }
            String env = System.getenv(URL_ENV);
            return env == null || env.isBlank() ? null : env;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the knowledge base as chunks JSONL (canonical: re-importing and re-exporting gives the same bytes).",
                "Without --db-url and $" + URL_ENV + ", exports the bundled 23-chunk sample."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DbOptions db;

        @Option(names = "--category", paramLabel = "C", description = "Only rows whose category equals C.")
        String category;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Output chunks JSONL.")
        Path output;

        @Option(names = "--quarantine", paramLabel = "FILE",
                description = "Rows that cannot be exported, with reasons (default: OUTPUT with .quarantine.jsonl).")
        Path quarantine;

        @Override
        public Integer call() {
            Path q = quarantine != null ? quarantine : sibling(output, ".quarantine.jsonl");
            String url = db.resolved();
            KbReader.Stats s;
            String from;
            if (url == null) {
                try (SampleKb.Temp sample = SampleKb.temporary()) {
                    s = KbExport.toFile(new KbReader(sample.db(), "knowledge_base"), category, output, q);
                }
                from = "the bundled sample";
            } else {
                KbDatabase d = KbDatabase.fromUrl(url, System.getenv());
                s = KbExport.toFile(new KbReader(d, db.table), category, output, q);
                from = db.table + " at " + d;
            }
            spec.commandLine().getOut().printf("kb export: read %d, exported %d, rejected %d from %s -> %s%s%n",
                    s.read(), s.accepted(), s.rejected(), from, output,
                    s.rejected() > 0 ? " (rejects: " + q + ")" : "");
            return s.rejected() > 0 ? ExitCodes.REJECTS : ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
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

        @Option(names = "--id-type", defaultValue = "AUTO", paramLabel = "T",
                description = "Id column type for --create-table: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE},"
                        + " from the first record).")
        KbImporter.IdType idType;

        @Option(names = "--quarantine", paramLabel = "FILE",
                description = "Rejected lines, with reasons (default: INPUT with .quarantine.jsonl).")
        Path quarantine;

        @Override
        public Integer call() {
            String url = db.resolved();
            if (url == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "kb import needs --db-url or $" + URL_ENV);
            }
            KbDatabase d = KbDatabase.fromUrl(url, System.getenv());
            KbImporter importer = new KbImporter(d, db.table);
            if (createTable) {
                importer.createTable(idType);
            }
            Path q = quarantine != null ? quarantine : sibling(input, ".quarantine.jsonl");
            KbImporter.Stats s = importer.importFile(input, q);
            spec.commandLine().getOut().printf("kb import: read %d, upserted %d, rejected %d into %s at %s%s%n",
                    s.read(), s.upserted(), s.rejected(), db.table, d,
                    s.rejected() > 0 ? " (rejects: " + q + ")" : "");
            return s.rejected() > 0 ? ExitCodes.REJECTS : ExitCodes.OK;
        }
    }

    static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        return file.resolveSibling(base + suffix);
    }
}
