/**
 * The regression gate: a golden dataset, a runner that answers it with the application's
 * pipeline and scores the answers with the judge and cheap checks, thresholds, reports
 * and the baseline that the drift gauge reads.
 */
@NullMarked
package io.llmobs.eval;

import org.jspecify.annotations.NullMarked;
