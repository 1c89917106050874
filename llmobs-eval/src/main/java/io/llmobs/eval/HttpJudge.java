package io.llmobs.eval;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.llmobs.judge.Judge;
import io.llmobs.judge.JudgeRequest;
import io.llmobs.judge.JudgeRubric;
import io.llmobs.judge.JudgeVerdict;
import io.llmobs.judge.JudgeVerdictParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The judge for the command line, outside a Spring application: the same rubric, sent to
 * an OpenAI-compatible chat completions endpoint with the JDK's HTTP client.
 */
final class HttpJudge implements Judge {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final URI endpoint;

	private final String model;

	private final @Nullable String apiKey;

	private final JudgeRubric rubric;

	private final JudgeVerdictParser parser;

	HttpJudge(String baseUrl, String model, @Nullable String apiKey, JudgeRubric rubric) {
		this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
		this.model = model;
		this.apiKey = apiKey;
		this.rubric = rubric;
		this.parser = new JudgeVerdictParser(rubric.criteria());
	}

	@Override
	public JudgeVerdict evaluate(JudgeRequest request) {
		ObjectNode body = JSON.createObjectNode();
		body.put("model", this.model);
		ArrayNode messages = body.putArray("messages");
		messages.addObject().put("role", "system").put("content", this.rubric.systemPrompt());
		messages.addObject().put("role", "user").put("content", this.rubric.userPrompt(request));
		HttpRequest.Builder http = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (this.apiKey != null) {
			http.header("Authorization", "Bearer " + this.apiKey);
		}
		try {
			HttpResponse<String> response = this.http.send(http.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The judge answered HTTP " + response.statusCode());
			}
			JsonNode content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
			return this.parser.parse(content.isString() ? content.asString() : null);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The judge could not be reached: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the judge", ex);
		}
	}

}
