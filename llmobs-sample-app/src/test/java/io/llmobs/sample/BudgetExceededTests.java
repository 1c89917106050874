package io.llmobs.sample;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's tenant {@code trial} has a daily budget of a hundredth of a cent: after a
 * few questions the next is refused before the model is called and answered with HTTP
 * 429, while other tenants go on.
 */
@SimulatedSampleTest
class BudgetExceededTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void aTenantOverItsDailyBudgetGets429AndOthersGoOn() {
		int answered = 0;
		EntityExchangeResult<String> refused = null;
		while (refused == null && answered < 50) {
			EntityExchangeResult<String> result = ask("trial");
			if (result.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
				refused = result;
			}
			else {
				assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
				answered++;
			}
		}
		assertThat(refused).as("refused within 50 questions").isNotNull();
		assertThat(answered).as("answered before the budget was spent").isPositive();
		JsonNode problem = this.jsonMapper.readTree(refused.getResponseBody());
		assertThat(problem.path("scope").asString()).isEqualTo("tenant");
		assertThat(problem.path("name").asString()).isEqualTo("trial");
		assertThat(problem.path("limitUsd").asDouble()).isEqualTo(0.0001);
		assertThat(problem.path("spentUsd").asDouble()).isGreaterThanOrEqualTo(0.0001);
		assertThat(problem.path("detail").asString()).contains("tenant 'trial'");
		assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(ask("acme").getStatus()).isEqualTo(HttpStatus.OK);
		JsonNode budgets = this.jsonMapper
			.readTree(this.client.get().uri("/actuator/llmobs").exchange().returnResult(String.class).getResponseBody())
			.path("budgets");
		assertThat(budgets.path("mode").asString()).isEqualTo("block");
		assertThat(budgets.path("scopes").get(0).path("state").asString()).isEqualTo("blocked");
	}

	private EntityExchangeResult<String> ask(String tenant) {
		return this.client.get()
			.uri("/api/ask?q={q}&tenant={tenant}", "Where is my package?", tenant)
			.exchange()
			.returnResult(String.class);
	}

}
