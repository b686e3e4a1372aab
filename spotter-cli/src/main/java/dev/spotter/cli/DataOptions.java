package dev.spotter.cli;

import dev.spotter.format.ChatValidator;
import dev.spotter.format.Llama33Template;
import dev.spotter.format.TokenCounter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/** Options every data command shares: limits and the Llama 3.3 template settings. */
final class DataOptions {
    @Option(
            names = "--token-limit",
            paramLabel = "N",
            description =
                    "Max tokens of a rendered example (default ${DEFAULT-VALUE}: Together's SFT limit for Llama-3.3-70B).")
    int tokenLimit = ChatValidator.DEFAULT_TOKEN_LIMIT;

    @Option(
            names = "--max-line-bytes",
            paramLabel = "N",
            description =
                    "Longer lines are rejected as line_too_long and streamed to the quarantine (default ${DEFAULT-VALUE}).")
    int maxLineBytes = ChatValidator.DEFAULT_MAX_LINE_BYTES;

    @Option(
            names = "--max-errors",
            paramLabel = "N",
            description = "How many file:line errors to list (default ${DEFAULT-VALUE}).")
    int maxErrors = ChatValidator.DEFAULT_MAX_ERRORS;

    @Option(
            names = "--date",
            paramLabel = "DATE",
            description = "Template \"Today Date\", e.g. \"26 Jul 2024\" (the default), or \"today\" (UTC).")
    String date = Llama33Template.DEFAULT_DATE;

    @Option(
            names = "--bos",
            paramLabel = "include|exclude",
            description =
                    "Start rendered text with <|begin_of_text|> (default ${DEFAULT-VALUE}; exclude it when the trainer adds BOS).")
    Bos bos = Bos.INCLUDE;

    /** Whether rendered text starts with the BOS token. */
    enum Bos {
        INCLUDE,
        EXCLUDE;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    Llama33Template template() {
        String d = date.equals("today") ? Llama33Template.format(LocalDate.now(ZoneOffset.UTC)) : date;
        return Llama33Template.of(d, bos == Bos.INCLUDE);
    }

    ChatValidator.Builder validator(TokenCounter counter) {
        return ChatValidator.builder()
                .tokenCounter(counter)
                .tokenLimit(tokenLimit)
                .maxLineBytes(maxLineBytes)
                .maxErrors(maxErrors)
                .template(template());
    }
}
