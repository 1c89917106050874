package io.llmobs.sample;

/**
 * The result of the question pipeline.
 *
 * @param category the category the classify stage chose
 * @param answer the answer of the answer stage
 * @param costUsd what the task's model calls cost, in USD
 */
public record Answer(String category, String answer, double costUsd) {
}
