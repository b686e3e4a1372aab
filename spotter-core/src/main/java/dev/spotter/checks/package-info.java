/**
 * The checks an LLM cannot be trusted with: injury answers against the schema and the clinical rules
 * ({@link dev.spotter.checks.InjuryAnalysisChecker}, {@link dev.spotter.checks.ClinicalRules},
 * {@link dev.spotter.checks.RedFlagRules}), pace arithmetic by a calculator
 * ({@link dev.spotter.checks.PaceAnswerChecker}), coach answers ({@link dev.spotter.checks.CoachAnswerChecker})
 * and the case runner of {@code spotter check} ({@link dev.spotter.checks.CheckCases}). Every check fails closed:
 * what it cannot read is a failure.
 */
@NullMarked
package dev.spotter.checks;

import org.jspecify.annotations.NullMarked;
