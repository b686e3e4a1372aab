/**
 * The Llama 3 tokenizer, exact and dependency-free: {@link dev.spotter.tokenizer.Llama3Tokenizer} is the entry
 * point (encode, decode, count, the special tokens of the chat template); {@link dev.spotter.tokenizer.TokenLines}
 * is the JSON-lines protocol of {@code spotter tokens}. The pre-tokenizer, the byte-pair merge loop and the
 * vocabulary loader are package-private implementation.
 */
@NullMarked
package dev.spotter.tokenizer;

import org.jspecify.annotations.NullMarked;
