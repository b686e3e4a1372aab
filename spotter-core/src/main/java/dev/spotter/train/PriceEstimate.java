package dev.spotter.train;

/**
 * A cost estimate before submitting.
 *
 * @param totalUsd          estimated price in US dollars
 * @param trainTokens       billed tokens (all epochs, plus evaluation passes when known), or -1 if unknown
 * @param allowedToProceed  false when the platform says the account cannot afford the job
 * @param source            where the figure came from ("together estimate-price" or "price table dated ...")
 */
public record PriceEstimate(double totalUsd, long trainTokens, boolean allowedToProceed, String source) {}
