/**
 * The build on Apache Spark: Spotter's own functions (validation, normalisation, hashing) run inside Spark's
 * executors, so a distributed run gives the embedded build's answer. Phase 1 (this package today): the engine
 * session, byte-exact JSONL input, and one job (validate + exact-duplicate count) that proves the path end to end;
 * the full build's steps follow once the build is a typed step model (docs/areas/scale.md).
 *
 * <p>Everything a job ships to executors is Java-serialisable and is a named class (never a capturing lambda), so
 * {@code ShippedFunctionsTest} can round-trip each one; keys that Spark shuffles hash by value (no enum or identity
 * hash codes), or records would meet different reducers on different executor JVMs.
 */
@NullMarked
package dev.spotter.spark;

import org.jspecify.annotations.NullMarked;
