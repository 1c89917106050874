package io.llmobs.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import okhttp3.HttpUrl;
import okhttp3.Request;

import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The whole sample on a random port, talking to its own simulator without latency, with
 * Prometheus metrics on.
 * <p>
 * The OpenAI client is built before the server has a port, so its base URL names a
 * placeholder host that an OkHttp interceptor resolves, per request, to
 * {@code localhost:${local.server.port}}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.openai.base-url=http://" + SimulatedSampleTest.SIMULATOR_HOST + "/simulator/v1",
				"sample.simulator.latency-scale=0" })
@AutoConfigureMetrics
@AutoConfigureRestTestClient
@Import(SimulatedSampleTest.SimulatorOnLocalPort.class)
public @interface SimulatedSampleTest {

	/** The placeholder host of the simulator's base URL. */
	String SIMULATOR_HOST = "simulator.invalid";

	/**
	 * Sends the OpenAI client's requests for {@link #SIMULATOR_HOST} to the server's
	 * actual port.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	class SimulatorOnLocalPort {

		@Bean
		OpenAiHttpClientBuilderCustomizer simulatorOnLocalPort(Environment environment) {
			return (builder) -> builder.interceptor((chain) -> {
				Request request = chain.request();
				if (SIMULATOR_HOST.equals(request.url().host())) {
					int port = environment.getRequiredProperty("local.server.port", Integer.class);
					HttpUrl url = request.url().newBuilder().host("localhost").port(port).build();
					request = request.newBuilder().url(url).build();
				}
				return chain.proceed(request);
			});
		}

	}

}
