package io.llmobs.judge;

/**
 * Judges one answer against the rubric: the model behind the sampled judge and the
 * regression gate.
 */
@FunctionalInterface
public interface Judge {

	/**
	 * Judges an answer, on the calling thread.
	 * @param request the question, context and answer
	 * @return the verdict
	 * @throws UnparseableVerdictException when the judge's reply holds no readable
	 * verdict
	 */
	JudgeVerdict evaluate(JudgeRequest request);

}
