/**
 * The sampled LLM-as-judge: which calls are judged, the bounded queue, rate and budget in
 * front of the judge model, the rubric and its verdicts, scores, drift against a baseline
 * and the failure taxonomy.
 */
@NullMarked
package io.llmobs.judge;

import org.jspecify.annotations.NullMarked;
