package io.llmobs.autoconfigure.console;

import io.llmobs.console.LlmObsConsole;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The console's routes on Spring MVC: the page at {@code <path>/}, its data at
 * {@code <path>/data} and its script and style at {@code <path>/assets/}, all from this
 * application: the page's content security policy allows no other origin.
 */
final class ConsoleRoutes {

	static final String LOCATION = "META-INF/llmobs/console/";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'self'; form-action 'self'";

	private ConsoleRoutes() {
	}

	static RouterFunction<ServerResponse> of(String path, LlmObsConsole console) {
		Resource page = new ClassPathResource(LOCATION + "index.html");
		// Relative to the page's path, so that it holds under any servlet context path.
		String toPage = path.substring(path.lastIndexOf('/') + 1) + "/";
		return RouterFunctions.route()
			.GET(path,
					(request) -> ServerResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, toPage).build())
			.GET(path + "/",
					(request) -> ServerResponse.ok()
						.contentType(MediaType.TEXT_HTML)
						.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
						.cacheControl(CacheControl.noStore())
						.body(page))
			.GET(path + "/data",
					(request) -> ServerResponse.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.cacheControl(CacheControl.noStore())
						.body(console.snapshot()))
			.resources(path + "/assets/**", new ClassPathResource(LOCATION + "assets/"))
			.build();
	}

}
