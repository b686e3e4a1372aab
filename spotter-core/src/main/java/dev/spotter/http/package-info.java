/**
 * Retrying HTTP calls, written once for the LLM client ({@code llm}) and the fine-tune platform client
 * ({@code train}): {@link dev.spotter.http.RetryAfter} reads a server's {@code Retry-After} (delta-seconds or
 * HTTP-date, and {@code retry-after-ms}), {@link dev.spotter.http.Backoff} computes the wait before the next attempt
 * (exponential, capped, optionally jittered) and {@link dev.spotter.http.Sleeper} waits it (tests substitute a
 * recording one). Internal to Spotter: public only so that both packages can use it; not a supported API.
 */
@NullMarked
package dev.spotter.http;

import org.jspecify.annotations.NullMarked;
