/**
 * The shared kernel: the few mechanisms every other package needs and that must exist exactly once, so that one
 * fix reaches every caller. {@link dev.spotter.kernel.AtomicFile} (every output file appears whole or not at all),
 * {@link dev.spotter.kernel.Hashing} (SHA-256 hex), {@link dev.spotter.kernel.Sidecars} (the names of a data
 * file's companion files), {@link dev.spotter.kernel.Html} (escaping), {@link dev.spotter.kernel.Money} and
 * {@link dev.spotter.kernel.TokenPrice} (exact US-dollar amounts and per-token prices),
 * {@link dev.spotter.kernel.YamlNode} (strict YAML reading: errors name the key path, unknown keys are errors) and
 * {@link dev.spotter.kernel.IoErrors} (an I/O failure in words). It depends on nothing but the JDK and Jackson.
 */
@NullMarked
package dev.spotter.kernel;

import org.jspecify.annotations.NullMarked;
