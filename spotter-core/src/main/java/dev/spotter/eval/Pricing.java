package dev.spotter.eval;

import java.util.OptionalDouble;

/** USD for a number of input/output tokens of a model; empty when the model has no listed price. */
@FunctionalInterface
interface Pricing {
    OptionalDouble cost(String model, long inputTokens, long outputTokens);

    Pricing NONE = (m, i, o) -> OptionalDouble.empty();
}
