/**
 * The review web app behind {@code spotter review}: an embedded Jetty server on 127.0.0.1 with a per-run token, a
 * small bundled page (no CDN, no build step), and the record views that show each check's verdict.
 *
 * <p>Entry point: {@link dev.spotter.review.web.ReviewServer}. Everything else is package-private. Decisions are
 * stored through {@link dev.spotter.review.DecisionStore}; the build reads them through
 * {@link dev.spotter.review.ReviewGate} without this module.
 */
@NullMarked
package dev.spotter.review.web;

import org.jspecify.annotations.NullMarked;
