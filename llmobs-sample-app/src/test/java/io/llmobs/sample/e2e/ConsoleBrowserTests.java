package io.llmobs.sample.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.llmobs.feedback.FeedbackRecorder;
import io.llmobs.sample.QuestionPipeline;
import io.llmobs.sample.SampleApi;
import io.llmobs.sample.SampleProperties;
import io.llmobs.sample.SimulatedSampleTest;
import io.llmobs.sample.TrafficGenerator;
import io.llmobs.sample.shipping.ShippingQuoteAgent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The llmobs console in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) driven by Selenium over the sample under real traffic. The
 * page shows the totals of {@code /actuator/llmobs}, a context bar per recent call and
 * charts with data, without a JavaScript error or a request to another origin, and new
 * numbers after more calls; its screenshot is the one in the README.
 * <p>
 * Needs both binaries ({@code .ci/run} installs them and sets
 * {@code LLMOBS_E2E=required}, so that CI fails instead of skipping when one is missing).
 */
@Tag("e2e")
@SimulatedSampleTest
class ConsoleBrowserTests {

	/** Where Debian installs the browser; {@code CHROMIUM_BINARY} overrides it. */
	static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");

	/** Where Debian installs the driver; {@code CHROMEDRIVER_BINARY} overrides it. */
	static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver");

	/**
	 * Where the screenshot goes: {@code target/console.png} unless
	 * {@code -Dllmobs.console.screenshot=../docs/console.png} renews the README's.
	 */
	private static final Path SCREENSHOT = Path
		.of(System.getProperty("llmobs.console.screenshot", "target/console.png"));

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private QuestionPipeline pipeline;

	@Autowired
	private ShippingQuoteAgent agent;

	@Autowired
	private FeedbackRecorder feedback;

	@Autowired
	private SampleProperties properties;

	@Value("${local.server.port}")
	private int port;

	@Test
	void thePageShowsTheEndpointFiguresAsChartsFromThisOriginOnly() throws IOException {
		boolean required = "required".equals(System.getenv("LLMOBS_E2E"));
		assumeThat(required || (Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER))))
			.as("chromium and chromedriver (apt-get install chromium chromium-driver) at " + CHROMIUM + " and "
					+ CHROMEDRIVER)
			.isTrue();
		TrafficGenerator traffic = new TrafficGenerator(this.pipeline, this.agent, this.feedback, this.properties);
		SampleApi.quote(this.client, TrafficGenerator.QUOTES.get(0));
		for (int i = 0; i < 4; i++) {
			traffic.sendOne();
		}
		String origin = "http://localhost:" + this.port;
		WebDriver driver = chromium();
		try {
			driver.get(origin + "/llmobs");
			String firstTotal = awaitTotalsOfTheEndpoint(driver);
			JsonNode data = data();
			int recentCalls = data.get("recentCalls").size();
			assertThat(recentCalls).isPositive();
			List<WebElement> bars = driver.findElements(By.cssSelector("#context-bars .context-bar"));
			assertThat(bars).hasSize(recentCalls);
			assertThat(bars)
				.allSatisfy((bar) -> assertThat(bar.findElements(By.cssSelector("rect.section"))).isNotEmpty());
			assertThat(driver.findElements(By.cssSelector("#context-bars line.warn"))).hasSize(recentCalls);
			assertThat(driver.findElements(By.cssSelector("#cost-chart rect.bar"))).isNotEmpty();
			// The header, then one row per call (and one under it with its content when
			// captured).
			assertThat(driver.findElements(By.cssSelector("#recent-calls tr"))).hasSizeGreaterThan(recentCalls);
			assertThat(driver.findElement(By.id("latency-table")).getText()).contains("gpt-4o-mini");
			// The sample's prompts fill well under 1% of their windows: the screenshot
			// shows
			// their sections against the largest of them.
			new Select(driver.findElement(By.id("context-scale"))).selectByValue("prompt");
			screenshot(driver);

			SampleApi.quote(this.client, TrafficGenerator.QUOTES.get(1));
			traffic.sendOne();
			driver.navigate().refresh();
			String secondTotal = awaitTotalsOfTheEndpoint(driver);
			assertThat(secondTotal).isNotEqualTo(firstTotal);

			assertThat(severe(driver.manage().logs().get(LogType.BROWSER).getAll())).as("JavaScript errors").isEmpty();
			assertThat(requestedUrls(driver)).isNotEmpty()
				.allSatisfy((url) -> assertThat(url).as("a request of the page").startsWith(origin + "/"));
		}
		finally {
			driver.quit();
		}
	}

	/**
	 * Waits until the page shows the cost total and calls of {@code /actuator/llmobs},
	 * read twice around the page so that a judgement finishing meanwhile does not count.
	 */
	private String awaitTotalsOfTheEndpoint(WebDriver driver) {
		List<String> shown = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			double before = endpointTotal();
			String page = driver.findElement(By.id("total-cost")).getText();
			Map<String, String> byModel = pageCostByModel(driver);
			JsonNode endpoint = SampleApi.llmobsEndpoint(this.client, this.jsonMapper);
			double after = endpoint.at("/cost/totalUsd").asDouble();
			assertThat(after).isEqualTo(before);
			assertThat(page).isEqualTo(usd(after));
			Map<String, String> expected = new TreeMap<>();
			endpoint.at("/cost/byModelUsd")
				.properties()
				.forEach((entry) -> expected.put(entry.getKey(), usd(entry.getValue().asDouble())));
			assertThat(byModel).isEqualTo(expected);
			shown.add(page);
		});
		return shown.get(shown.size() - 1);
	}

	private Map<String, String> pageCostByModel(WebDriver driver) {
		Map<String, String> costs = new TreeMap<>();
		for (WebElement row : driver.findElements(By.cssSelector("#cost-by-model tr[data-key]"))) {
			costs.put(row.getAttribute("data-key"), row.findElements(By.tagName("td")).get(1).getText());
		}
		return costs;
	}

	private double endpointTotal() {
		return SampleApi.llmobsEndpoint(this.client, this.jsonMapper).at("/cost/totalUsd").asDouble();
	}

	private JsonNode data() {
		String body = this.client.get()
			.uri("/llmobs/data")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		return this.jsonMapper.readTree(body);
	}

	private static String usd(double value) {
		return String.format(Locale.ROOT, "$%.6f", value);
	}

	private static List<String> severe(List<LogEntry> entries) {
		return entries.stream()
			.filter((entry) -> "SEVERE".equals(entry.getLevel().getName()))
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * The URLs the page requested, from Chromium's performance log (DevTools network
	 * events).
	 */
	private List<String> requestedUrls(WebDriver driver) {
		List<String> urls = new ArrayList<>();
		for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
			JsonNode message = this.jsonMapper.readTree(entry.getMessage()).path("message");
			if ("Network.requestWillBeSent".equals(message.path("method").asString(""))) {
				urls.add(message.at("/params/request/url").asString());
			}
		}
		return urls;
	}

	private static void screenshot(WebDriver driver) throws IOException {
		Path target = SCREENSHOT.toAbsolutePath();
		Files.createDirectories(target.getParent());
		Files.write(target, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
	}

	private static WebDriver chromium() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1280,2400");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(1280, 2400));
		return driver;
	}

}
