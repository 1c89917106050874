package io.llmobs.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.llmobs.judge.JudgeRubric;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The regression gate from the command line, against a running application: each case's
 * input goes to an HTTP endpoint of the application, the answers are checked and, with
 * {@code --judge-url}, judged by an OpenAI-compatible model. Exits 0 when the gate
 * passes, 1 when it fails, 2 on a usage error. <pre>
 * java -cp llmobs-autoconfigure.jar:... io.llmobs.eval.RegressionGateCommand \
 *     --dataset src/test/resources/golden/questions.jsonl \
 *     --pipeline-url 'http://localhost:8080/api/ask?q={input}' --answer-field answer \
 *     [--judge-url https://api.openai.com/v1 --judge-model gpt-4.1-mini] (key from OPENAI_API_KEY)
 *     [--criteria faithfulness,relevance] [--stage answer] [--threshold 0.9] [--tolerance 0.05]
 *     [--baseline target/llmobs-eval/baseline.json] [--write-baseline path] [--report-dir target/llmobs-eval]
 * </pre>
 */
public final class RegressionGateCommand {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> OPTIONS = List.of("--dataset", "--pipeline-url", "--answer-field", "--judge-url",
			"--judge-model", "--criteria", "--stage", "--threshold", "--tolerance", "--baseline", "--write-baseline",
			"--report-dir");

	private RegressionGateCommand() {
	}

	/**
	 * Runs the gate.
	 * @param args the options, see the class description
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.getenv("OPENAI_API_KEY"), System.out));
	}

	static int run(String[] args, @Nullable String apiKey, PrintStream out) {
		Map<String, String> options;
		try {
			options = options(args);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			return 2;
		}
		String dataset = options.get("--dataset");
		String pipelineUrl = options.get("--pipeline-url");
		if (dataset == null || pipelineUrl == null) {
			out.println("--dataset and --pipeline-url are required; options: " + OPTIONS);
			return 2;
		}
		RegressionGate.Builder gate = RegressionGate
			.builder(GoldenDataset.read(Path.of(dataset)), pipeline(pipelineUrl, options.get("--answer-field")))
			.stage(options.getOrDefault("--stage", "default"))
			.threshold(Double.parseDouble(options.getOrDefault("--threshold", "" + RegressionGate.DEFAULT_THRESHOLD)))
			.tolerance(Double.parseDouble(options.getOrDefault("--tolerance", "" + RegressionGate.DEFAULT_TOLERANCE)))
			.reportDirectory(
					Path.of(options.getOrDefault("--report-dir", RegressionGate.DEFAULT_REPORT_DIRECTORY.toString())));
		if (options.containsKey("--baseline")) {
			gate.baseline(Path.of(options.get("--baseline")));
		}
		String judgeUrl = options.get("--judge-url");
		if (judgeUrl != null) {
			List<String> criteria = Arrays
				.asList(options.getOrDefault("--criteria", "faithfulness,relevance").split(","));
			String model = options.getOrDefault("--judge-model", "gpt-4.1-mini");
			gate.judge(new HttpJudge(judgeUrl, model, apiKey, JudgeRubric.bundled(criteria)));
		}
		GateResult result = gate.build().run();
		if (options.containsKey("--write-baseline")) {
			result.writeBaseline(Path.of(options.get("--write-baseline")));
		}
		out.print(GateReports.markdown(result));
		return result.passed() ? 0 : 1;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
				throw new IllegalArgumentException(
						"Unknown option or missing value: " + args[i] + "; options: " + OPTIONS);
			}
			options.put(args[i], args[i + 1]);
		}
		return options;
	}

	/**
	 * Sends each input to the URL ({input} replaced, URL-encoded) and reads the answer
	 * from the body.
	 */
	private static Function<String, String> pipeline(String urlTemplate, @Nullable String answerField) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		return (input) -> {
			URI uri = URI.create(urlTemplate.replace("{input}", URLEncoder.encode(input, StandardCharsets.UTF_8)));
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri);
				}
				if (answerField == null) {
					return response.body();
				}
				JsonNode answer = JSON.readTree(response.body()).path(answerField);
				return answer.isString() ? answer.asString() : answer.toString();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted", ex);
			}
		};
	}

}
