package io.llmobs.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import io.llmobs.eval.GateResult;
import io.llmobs.eval.GoldenDataset;
import io.llmobs.eval.RegressionGate;
import io.llmobs.judge.Judge;
import io.llmobs.judge.JudgeBaseline;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regression gate of the sample's pipeline: the golden questions go through
 * {@link QuestionPipeline}, the application's judge (the simulated {@code gpt-4.1-mini})
 * and the cheap checks score the answers, and the build fails when the mean falls below
 * 0.90 or a question falls below its baseline in {@code llmobs/judge-baseline.json}.
 */
@SimulatedSampleTest
class QuestionPipelineRegressionGateTests {

	@Autowired
	private QuestionPipeline pipeline;

	@Autowired
	private Judge judge;

	@Test
	void goldenQuestionsPassTheGate() throws IOException {
		GateResult result;
		try (InputStream baseline = new ClassPathResource("llmobs/judge-baseline.json").getInputStream()) {
			result = RegressionGate
				.builder(GoldenDataset.fromClasspath("golden/questions.jsonl"),
						(question) -> this.pipeline.ask(question, "golden").answer())
				.judge(this.judge)
				.stage("answer")
				.model("gpt-4o-mini")
				.baseline(JudgeBaseline.read(baseline))
				.build()
				.run()
				.assertPassed();
		}
		assertThat(result.cases()).hasSize(6).allSatisfy((answered) -> assertThat(answered.judgeScores()).isNotEmpty());
		assertThat(Path.of("target", "llmobs-eval", "questions.md")).exists();
		result.writeBaseline(Path.of("target", "llmobs-eval", "baseline.json"));
	}

}
