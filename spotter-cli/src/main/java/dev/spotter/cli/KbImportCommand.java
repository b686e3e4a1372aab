package dev.spotter.cli;

import dev.spotter.kb.KbDatabase;
import dev.spotter.kb.KbImporter;
import dev.spotter.kb.KbSource;
import dev.spotter.kernel.Sidecars;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spotter kb import}: chunks JSONL → a knowledge_base table (upsert by id, one transaction). */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Load chunks JSONL into a knowledge_base table (upsert by id, one transaction).")
final class KbImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHUNKS.jsonl", description = "Chunks JSONL, as written by kb export.")
    Path input;

    @Option(
            names = "--db-url",
            paramLabel = "URL",
            description =
                    "postgresql://…, jdbc:postgresql://… or jdbc:sqlite:FILE. Default: $" + KbSource.URL_ENV + ".")
    String url;

    @Option(
            names = "--table",
            defaultValue = "knowledge_base",
            paramLabel = "NAME",
            description = "Table name, optionally schema.table (default: ${DEFAULT-VALUE}).")
    String table;

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
        KbDatabase d = KbSource.database(url, KbSource.URL_ENV, CliEnv.of(spec))
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "kb import needs --db-url or $" + KbSource.URL_ENV));
        KbImporter importer = new KbImporter(d, table);
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
                        table,
                        d,
                        s.rejected() > 0 ? " (rejects: " + q + ")" : "");
        return s.rejected() > 0 ? ExitCodes.REJECTS : ExitCodes.OK;
    }
}
