package io.llmobs.autoconfigure.sharedstate;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.BoundedTags;
import io.llmobs.sharedstate.RedisAvailability;
import io.llmobs.sharedstate.RedisTagValues;
import io.llmobs.test.StartupFailures;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LlmObsSharedStateAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
				LlmObsAutoConfiguration.class, LlmObsSharedStateAutoConfiguration.class));

	@Test
	void locallyTagValuesAreAdmittedByEachInstanceWithoutASync() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(RedisTagValues.class);
			assertThat(context.getBean(BoundedTags.class).tenants().bound("acme")).isEqualTo("acme");
		});
	}

	@Test
	void withRedisUnreachableFromTheStartTagValuesAreAdmittedLocally() {
		this.runner
			.withPropertyValues("llmobs.shared-state.store=redis", "spring.data.redis.port=" + closedPort(),
					"llmobs.shared-state.sync-interval=100ms")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisTagValues.class);
				BoundedTagValues tenants = context.getBean(BoundedTags.class).tenants();
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "acme".equals(tenants.bound("acme")));
				assertThat(context.getBean(MeterRegistry.class).get(RedisAvailability.FALLBACKS).counter().count())
					.isPositive();
			});
	}

	@Test
	void anInvalidSyncIntervalFailsStartUpNamingTheProperty() {
		StartupFailures.assertNames(this.runner, "llmobs.shared-state.sync-interval=0ms",
				"llmobs.shared-state.sync-interval");
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
