package dev.spotter.cli;

import dev.spotter.format.TokenCounter;

/** The token counter the CLI uses: the exact Llama 3 tokenizer. */
final class CliTokens {
    private CliTokens() {}

    static TokenCounter llama3() {
        return TokenCounter.llama3();
    }
}
