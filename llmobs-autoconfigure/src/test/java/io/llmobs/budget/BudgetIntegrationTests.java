package io.llmobs.budget;

import java.time.Duration;
import java.util.function.Consumer;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Spend budgets as an application gets them: full auto-configuration, Spring AI's OpenAI
 * client over real HTTP to a local OpenAI-compatible server whose every answer (10 input
 * and 5 output tokens) is priced at exactly 1 USD, and a mock clock that tells the UTC
 * day.
 */
@ExtendWith(OutputCaptureExtension.class)
class BudgetIntegrationTests {

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withUserConfiguration(MockClockConfiguration.class)
		.withPropertyValues("llmobs.models.gpt-4o-mini.input-price=50000",
				"llmobs.models.gpt-4o-mini.output-price=100000", "llmobs.budgets.enabled=true",
				"management.endpoints.web.exposure.include=llmobs");

	@Test
	void blockModeRefusesATenantOverItsBudgetBeforeTheModelIsCalled() {
		run(this.runner.withPropertyValues("llmobs.budgets.mode=block", "llmobs.budgets.tenants.acme.daily-usd=2.5"),
				(context) -> {
					for (int i = 0; i < 3; i++) {
						assertThat(ask(context, "acme")).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
					}
					assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> ask(context, "acme"))
						.withMessageContaining("tenant 'acme'")
						.withMessageContaining("spent 3.0000 USD")
						.withMessageContaining("budget is 2.5000 USD")
						.satisfies((ex) -> {
							assertThat(ex.getScope()).isEqualTo("tenant");
							assertThat(ex.getName()).isEqualTo("acme");
							assertThat(ex.getLimitUsd()).isEqualTo(2.5);
							assertThat(ex.getSpentUsd()).isCloseTo(3.0, within(1e-9));
						});
					assertThatExceptionOfType(LlmBudgetExceededException.class)
						.isThrownBy(() -> chatClient(context).prompt("Hi")
							.advisors(tenant("acme"))
							.stream()
							.content()
							.blockLast());
					assertThat(server.chatRequests()).as("the refused calls sent nothing").hasSize(3);
					assertThat(ask(context, "globex")).as("a tenant without a budget")
						.isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
					MeterRegistry meters = meters(context);
					assertThat(meters.get("llmobs.budget.exceeded")
						.tags("scope", "tenant", "action", "blocked")
						.counter()
						.count()).isEqualTo(2);
					assertThat(meters.get("llmobs.budget.utilization")
						.tags("scope", "tenant", "name", "acme")
						.gauge()
						.value()).isCloseTo(1.2, within(1e-9));
				});
	}

	@Test
	void theWarningsOfABudgetNearlySpentAndOverGiveItsSpendAndLimit(CapturedOutput output) {
		run(this.runner.withPropertyValues("llmobs.budgets.mode=block", "llmobs.budgets.tenants.acme.daily-usd=2.5"),
				(context) -> {
					for (int i = 0; i < 3; i++) {
						ask(context, "acme");
					}
					assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> ask(context, "acme"));
					assertThat(output)
						.contains("llmobs budget: tenant 'acme' has spent 80% of its daily budget today "
								+ "(UTC): 2.0000 of 2.5000 USD; its calls are refused once it is over")
						.contains("llmobs budget: tenant 'acme' is over its daily budget today (UTC): 3.0000 of "
								+ "2.5000 USD; its calls are refused once it is over");
				});
	}

	@Test
	void warnModeLetsTheCallGoOnAndCountsIt() {
		run(this.runner.withPropertyValues("llmobs.budgets.tenants.acme.daily-usd=2"), (context) -> {
			for (int i = 0; i < 4; i++) {
				assertThat(ask(context, "acme")).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
			}
			assertThat(server.chatRequests()).hasSize(4);
			MeterRegistry meters = meters(context);
			assertThat(
					meters.get("llmobs.budget.exceeded").tags("scope", "tenant", "action", "warned").counter().count())
				.as("the 3rd and 4th calls started over budget")
				.isEqualTo(2);
			assertThat(
					meters.get("llmobs.budget.exceeded").tags("scope", "tenant", "action", "blocked").counter().count())
				.isZero();
			assertThat(meters.get("llmobs.budget.utilization").tags("scope", "tenant", "name", "acme").gauge().value())
				.isCloseTo(2.0, within(1e-9));
		});
	}

	@Test
	void defaultTenantAndStageBudgetsStartAgainOnTheNextUtcDay() {
		run(this.runner.withPropertyValues("llmobs.budgets.mode=block", "llmobs.budgets.default-tenant-daily-usd=1",
				"llmobs.budgets.stages.summarize.daily-usd=1"), (context) -> {
					assertThat(ask(context, "initech")).isNotNull();
					assertThatExceptionOfType(LlmBudgetExceededException.class)
						.isThrownBy(() -> ask(context, "initech"))
						.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("initech"));
					assertThat(ask(context, "hooli")).as("each tenant has its own default budget").isNotNull();
					assertThat(ask(context, null)).as("no tenant: no default budget").isNotNull();
					ChatClient client = chatClient(context);
					client.prompt("Hi").advisors((a) -> a.param(LlmObsParams.STAGE, "summarize")).call().content();
					assertThatExceptionOfType(LlmBudgetExceededException.class)
						.isThrownBy(() -> client.prompt("Hi")
							.advisors((a) -> a.param(LlmObsParams.STAGE, "summarize"))
							.call()
							.content())
						.withMessageContaining("stage 'summarize'");
					clock(context).add(Duration.ofDays(1));
					assertThat(ask(context, "initech")).as("a new UTC day").isNotNull();
					assertThat(meters(context).get("llmobs.budget.exceeded")
						.tags("scope", "stage", "action", "blocked")
						.counter()
						.count()).isOne();
				});
	}

	@Test
	void theEndpointShowsEachBudgetWithItsSpendAndState() {
		run(this.runner.withPropertyValues("llmobs.budgets.mode=block", "llmobs.budgets.tenants.acme.daily-usd=1",
				"llmobs.budgets.stages.classify.daily-usd=10"), (context) -> {
					ask(context, "acme");
					SpendBudgets.Snapshot budgets = context.getBean(LlmObsEndpoint.class).llmobs().budgets();
					assertThat(budgets).isNotNull();
					assertThat(budgets.mode()).isEqualTo("block");
					assertThat(budgets.warnRatio()).isEqualTo(0.8);
					assertThat(budgets.scopes()).containsExactly(
							new SpendBudgets.ScopeSnapshot("tenant", "acme", 1, 1, "blocked"),
							new SpendBudgets.ScopeSnapshot("stage", "classify", 10, 0, "ok"));
				});
	}

	@Test
	void aTenantWithABudgetIsNeverFoldedIntoOther() {
		run(this.runner.withPropertyValues("llmobs.tenant.max-values=1", "llmobs.budgets.mode=block",
				"llmobs.budgets.tenants.acme.daily-usd=1"), (context) -> {
					ask(context, "first-come");
					ask(context, "acme");
					assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> ask(context, "acme"));
					assertThat(meters(context).get("llmobs.cost").tags("tenant", "acme").counter().count()).isOne();
				});
	}

	@Test
	void budgetsAreOffUnlessEnabled() {
		run(this.runner.withPropertyValues("llmobs.budgets.enabled=false", "llmobs.budgets.tenants.acme.daily-usd=1"),
				(context) -> {
					assertThat(context).doesNotHaveBean(SpendBudgets.class);
					ask(context, "acme");
					ask(context, "acme");
					assertThat(meters(context).find("llmobs.budget.exceeded").counter()).isNull();
					assertThat(context.getBean(LlmObsEndpoint.class).llmobs().budgets()).isNull();
				});
	}

	private static String ask(AssertableApplicationContext context, String tenant) {
		return chatClient(context).prompt("Hi").advisors(tenant(tenant)).call().content();
	}

	private static Consumer<ChatClient.AdvisorSpec> tenant(String tenant) {
		return (a) -> {
			if (tenant != null) {
				a.param(LlmObsParams.TENANT, tenant);
			}
		};
	}

	private void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test) {
		server.reset();
		runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

	private static MockClock clock(AssertableApplicationContext context) {
		return context.getBean(MockClock.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class MockClockConfiguration {

		@Bean
		MockClock micrometerClock() {
			return new MockClock();
		}

	}

}
