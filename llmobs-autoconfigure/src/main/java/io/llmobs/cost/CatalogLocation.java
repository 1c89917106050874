package io.llmobs.cost;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a catalog is read: {@code classpath:}, {@code file:}, {@code http:} or
 * {@code https:}. An HTTP load must be complete, body included, within the timeout.
 */
final class CatalogLocation {

	private static final String CLASSPATH = "classpath:";

	private static final String FILE = "file:";

	private final String location;

	private final Duration timeout;

	private final ModelCatalogReader reader = new ModelCatalogReader();

	private final HttpClient httpClient;

	/**
	 * Creates a location.
	 * @param location the location
	 * @param timeout the longest an HTTP load may take
	 * @throws IllegalArgumentException when the location has none of the supported
	 * prefixes
	 */
	CatalogLocation(String location, Duration timeout) {
		if (!supports(location)) {
			throw new IllegalArgumentException(
					"'" + location + "' is not a 'classpath:', 'file:', 'http:' or 'https:' location");
		}
		this.location = location;
		this.timeout = timeout;
		this.httpClient = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/**
	 * Whether a location has a supported prefix and, for HTTP, is a URI with a host.
	 * @param location the location
	 * @return {@code true} when it can be read from
	 */
	static boolean supports(String location) {
		if (!isRemote(location)) {
			return location.startsWith(CLASSPATH) || location.startsWith(FILE);
		}
		try {
			return new URI(location).getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean isRemote(String location) {
		return location.startsWith("http://") || location.startsWith("https://");
	}

	/**
	 * Whether the catalog is read over the network rather than from this machine.
	 * @return {@code true} for {@code http:} and {@code https:}
	 */
	boolean isRemote() {
		return isRemote(this.location);
	}

	/**
	 * The location as it may be shown: without user info or query, which can hold
	 * credentials.
	 * @return the location to show
	 */
	String display() {
		if (!isRemote()) {
			return this.location;
		}
		try {
			URI uri = new URI(this.location);
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return this.location.replaceAll("[?#].*", "");
		}
	}

	/**
	 * Reads the catalog.
	 * @return the catalog
	 * @throws IOException when it cannot be read
	 * @throws IllegalArgumentException when it is not a valid catalog
	 */
	CatalogContent read() throws IOException {
		try (InputStream input = open()) {
			return this.reader.read(input);
		}
	}

	private InputStream open() throws IOException {
		if (this.location.startsWith(CLASSPATH)) {
			String name = this.location.substring(CLASSPATH.length()).replaceFirst("^/", "");
			InputStream input = CatalogLocation.class.getClassLoader().getResourceAsStream(name);
			if (input == null) {
				throw new IOException("class path resource '" + name + "' does not exist");
			}
			return input;
		}
		if (this.location.startsWith(FILE)) {
			Path path = Path.of(this.location.substring(FILE.length()));
			if (!Files.isRegularFile(path)) {
				throw new IOException("file '" + path + "' does not exist");
			}
			return Files.newInputStream(path);
		}
		return new ByteArrayInputStream(download());
	}

	private byte[] download() throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.location))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		CompletableFuture<HttpResponse<byte[]>> response = this.httpClient.sendAsync(request,
				HttpResponse.BodyHandlers.ofByteArray());
		try {
			HttpResponse<byte[]> answer = response.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (answer.statusCode() != 200) {
				throw new IOException("HTTP status " + answer.statusCode());
			}
			return answer.body();
		}
		catch (TimeoutException ex) {
			response.cancel(true);
			throw new IOException("no complete answer within " + this.timeout, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof HttpTimeoutException) {
				throw new IOException("no complete answer within " + this.timeout, ex.getCause());
			}
			throw new IOException(String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

}
