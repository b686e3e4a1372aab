package dev.spotter.cli;

import dev.spotter.generate.GenerateOptions;
import dev.spotter.llm.Provider;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command that calls a generator LLM shares ({@code generate}, {@code kb generate}): which
 * provider and model, where the key is, how much to make, how fast and for how much money, and where the state and
 * the output go. One picocli mixin, so the two commands cannot drift apart; {@link #applyTo} copies them onto the
 * library's {@link GenerateOptions.Builder}.
 */
final class LlmOptions {
    @Option(
            names = "--provider",
            paramLabel = "NAME",
            defaultValue = "openai",
            description = "openai (any OpenAI-compatible server: also together, fireworks, vllm, ollama, llamacpp)"
                    + " or anthropic (also claude). Default: ${DEFAULT-VALUE}.")
    Provider provider;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "API base URL, e.g. https://api.together.xyz/v1, http://127.0.0.1:11434/v1 (Ollama)."
                    + " Default: the provider's.")
    String baseUrl;

    @Option(
            names = "--api-key-env",
            paramLabel = "VAR",
            description = "Environment variable holding the API key (default OPENAI_API_KEY / ANTHROPIC_API_KEY;"
                    + " 'none' for local servers).")
    String apiKeyEnv;

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            description = "Generator model id: needed to call a provider; a --dry-run prices it when given.")
    String model;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "Cap every category's target at N for a trial run (0 = full targets).")
    int limit;

    @Option(
            names = "--budget-usd",
            paramLabel = "USD",
            description = "Never start a request that could push total spend in this state past USD dollars.")
    Double budgetUsd;

    @Option(names = "--state", paramLabel = "DIR", description = "State directory (SQLite), one per plan.")
    Path state;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Output chat JSONL (rewritten from the state at the end of every run).")
    Path output;

    @Option(
            names = "--replace-output",
            description = "Overwrite an output file this state did not write (by default the run refuses before"
                    + " sending anything, since the file's lines would be lost).")
    boolean replaceOutput;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "8",
            description = "Requests in flight (virtual threads). Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(
            names = "--rpm",
            paramLabel = "N",
            defaultValue = "0",
            description = "Client-side requests per minute limit (0 = none).")
    int rpm;

    @Option(
            names = "--tpm",
            paramLabel = "N",
            defaultValue = "0",
            description = "Client-side tokens per minute limit (0 = none).")
    long tpm;

    /** Copies these options onto {@code b}; {@code budget} is the run's cap (a top-up round may pass what is left). */
    GenerateOptions.Builder applyTo(GenerateOptions.Builder b, String modelWhenAbsent, Double budget) {
        return b.provider(provider)
                .model(model == null ? modelWhenAbsent : model)
                .baseUrl(baseUrl)
                .apiKeyEnv(apiKeyEnv)
                .limit(limit)
                .budgetUsd(budget)
                .concurrency(concurrency)
                .rpm(rpm)
                .tpm(tpm)
                .replaceOutput(replaceOutput);
    }
}
