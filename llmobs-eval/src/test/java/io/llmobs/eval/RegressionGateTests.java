package io.llmobs.eval;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;
import io.llmobs.judge.Judge;
import io.llmobs.judge.JudgeBaseline;
import io.llmobs.judge.JudgeVerdict;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

/**
 * The regression gate: golden dataset, scoring, thresholds, baselines, reports, and the
 * command line.
 */
class RegressionGateTests {

	private static final String JSONL = """
			# shipping questions
			{"id": "eta", "input": "When does my parcel arrive?", "reference": "In two days.", "tags": ["shipping"], \
			"contains": ["two days"]}

			{"id": "cost", "input": "What does shipping cost?", "context": ["Shipping costs 4.99 EUR."], \
			"regex": "\\\\d+\\\\.\\\\d{2} EUR", "exact": "Shipping costs 4.99 EUR."}
			""";

	private static final Map<String, String> ANSWERS = Map.of("When does my parcel arrive?", "It arrives in two days.",
			"What does shipping cost?", "Shipping costs 4.99 EUR.");

	@TempDir
	Path directory;

	@Test
	void datasetReadsCasesChecksAndDefaults() {
		GoldenDataset dataset = dataset();
		assertThat(dataset.name()).isEqualTo("shipping");
		assertThat(dataset.cases()).extracting(GoldenCase::id).containsExactly("eta", "cost");
		GoldenCase cost = dataset.cases().get(1);
		assertThat(cost.context()).containsExactly("Shipping costs 4.99 EUR.");
		assertThat(cost.check("Shipping costs 4.99 EUR.")).containsOnly(Map.entry("exact", true),
				Map.entry("regex", true));
		assertThat(cost.check("About five euros.")).containsOnly(Map.entry("exact", false), Map.entry("regex", false));
		assertThat(dataset.cases().get(0).judgeContext()).containsExactly("Reference answer: In two days.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GoldenDataset.read("bad", stream("{\"id\": \"a\", \"input\": \"q\"}\n{\"id\": \"a\"}")))
			.withMessage("Golden dataset 'bad' line 2: 'input' is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GoldenDataset.read("bad", stream("{\"input\": \"q\", \"regex\": \"(\"}")))
			.withMessageStartingWith("Golden dataset 'bad' line 1: invalid 'regex'");
	}

	@Test
	void gatePassesOnGoodAnswersAndWritesReportsAndBaseline() throws IOException {
		GateResult result = RegressionGate.builder(dataset(), ANSWERS::get)
			.judge(judge(0.9))
			.stage("answer")
			.reportDirectory(this.directory)
			.build()
			.run()
			.assertPassed();
		assertThat(result.cases()).extracting(CaseResult::score)
			.containsExactly((0.9 + 0.9 + 1) / 3, (0.9 + 0.9 + 1 + 1) / 4);
		assertThat(result.criterionMeans()).containsEntry("faithfulness", 0.9);
		assertThat(Files.readString(this.directory.resolve("shipping.md"))).contains("**PASSED**", "| eta |");
		assertThat(Files.readString(this.directory.resolve("shipping.json"))).contains("\"dataset\" : \"shipping\"");
		Path baselineFile = this.directory.resolve("baseline.json");
		result.writeBaseline(baselineFile);
		JudgeBaseline baseline = JudgeBaseline.read(baselineFile);
		assertThat(baseline.mean("faithfulness", "answer")).isEqualTo(0.9);
		assertThat(baseline.cases()).containsKeys("eta", "cost");
	}

	@Test
	void gateFailsBelowTheThresholdOrWhenACaseRegressesPastTheTolerance() {
		JudgeBaseline baseline = new JudgeBaseline(null, Map.of(), Map.of("eta", 1.0, "cost", 0.9));
		GateResult result = RegressionGate.builder(dataset(), ANSWERS::get)
			.judge(judge(0.6))
			.baseline(baseline)
			.reportDirectory(null)
			.build()
			.run();
		assertThat(result.passed()).isFalse();
		assertThat(result.mean()).isEqualTo(((0.6 + 0.6 + 1) / 3 + (0.6 + 0.6 + 1 + 1) / 4) / 2, offset(1e-9));
		assertThat(result.failures()).hasSize(3);
		assertThat(result.failures().get(0)).startsWith("mean score 0.767 is below the threshold 0.900");
		assertThat(result.failures().get(1)).startsWith("case 'eta' scored 0.733, below its baseline 1.000");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(result::assertPassed)
			.withMessageContaining("Regression gate 'shipping' failed");
	}

	@Test
	void pipelineOrJudgeFailuresFailTheirCase() {
		Function<String, String> pipeline = (input) -> {
			if (input.contains("cost")) {
				throw new IllegalStateException("model down");
			}
			return ANSWERS.get(input);
		};
		GateResult result = RegressionGate.builder(dataset(), pipeline).reportDirectory(null).build().run();
		assertThat(result.cases().get(0).score()).as("checks only, without a judge").isEqualTo(1.0);
		assertThat(result.cases().get(1).error()).contains("pipeline failed", "model down");
		assertThat(result.failures()).anyMatch((failure) -> failure.startsWith("case 'cost' could not be scored"));
	}

	@Test
	void commandLineRunsTheGateAgainstARunningApplicationAndJudge() throws IOException {
		HttpServer application = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		application.createContext("/ask", (exchange) -> {
			String question = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring(2),
					StandardCharsets.UTF_8);
			byte[] body = ("{\"answer\": \"" + ANSWERS.get(question) + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		application.start();
		Path dataset = this.directory.resolve("shipping.jsonl");
		Files.writeString(dataset, JSONL);
		try (OpenAiCompatibleServer judge = OpenAiCompatibleServer.start()) {
			judge.respondWith((request) -> StubResponse
				.completion("{\"scores\": {\"faithfulness\": 1, \"relevance\": 1}, \"label\": \"pass\"}"));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int exit = RegressionGateCommand.run(new String[] { "--dataset", dataset.toString(), "--pipeline-url",
					"http://127.0.0.1:" + application.getAddress().getPort() + "/ask?q={input}", "--answer-field",
					"answer", "--judge-url", judge.baseUrl(), "--judge-model", "gpt-4o", "--report-dir",
					this.directory.toString(), "--write-baseline", this.directory.resolve("b.json").toString() }, "key",
					new PrintStream(out, true, StandardCharsets.UTF_8));
			assertThat(exit).isZero();
			assertThat(out.toString(StandardCharsets.UTF_8)).contains("**PASSED**: mean 1.000");
			assertThat(judge.chatRequests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer key"));
			assertThat(this.directory.resolve("b.json")).exists();
			assertThat(RegressionGateCommand.run(new String[] { "--dataset" }, null, new PrintStream(out)))
				.as("usage error")
				.isEqualTo(2);
		}
		finally {
			application.stop(0);
		}
	}

	private static Judge judge(double score) {
		return (request) -> new JudgeVerdict(Map.of("faithfulness", score, "relevance", score), "pass", "ok", null);
	}

	private static GoldenDataset dataset() {
		return GoldenDataset.read("shipping", stream(JSONL));
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
