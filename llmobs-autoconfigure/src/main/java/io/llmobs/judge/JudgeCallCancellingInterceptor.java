package io.llmobs.judge;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * An OkHttp interceptor that lets a judgement abandon its model request when it runs out
 * of time: the request's call is cancelled, which closes its connection and ends the
 * blocked read of the judge's thread. A blocking socket read ignores the thread's
 * interrupt, so without it the judge's slot would stay taken until the late answer
 * arrived. Requests of the application's own threads pass unchanged.
 */
public final class JudgeCallCancellingInterceptor implements Interceptor {

	@Override
	public Response intercept(Chain chain) throws IOException {
		JudgementDeadline.onExpiry(chain.call()::cancel);
		return chain.proceed(chain.request());
	}

}
