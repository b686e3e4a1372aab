/**
 * Spotter's library facade and its error model. {@link dev.spotter.Spotter} is the one entry point a Java backend
 * calls (build, validate, convert, generate, knowledge base, export, train, eval); every failure it reports is a
 * {@link dev.spotter.SpotterException}; {@link dev.spotter.Environment} is the only reader of the process
 * environment.
 */
@NullMarked
package dev.spotter;

import org.jspecify.annotations.NullMarked;
