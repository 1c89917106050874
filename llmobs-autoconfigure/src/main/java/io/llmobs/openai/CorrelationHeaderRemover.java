package io.llmobs.openai;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Takes the correlation id ({@link StreamModelSpans#HEADER}) off a request before it
 * leaves the application, once the HTTP observation has read it.
 */
final class CorrelationHeaderRemover implements Interceptor {

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		return chain.proceed((request.header(StreamModelSpans.HEADER) != null)
				? request.newBuilder().removeHeader(StreamModelSpans.HEADER).build() : request);
	}

}
