package com.privacyplatform.sdk;

import com.privacyplatform.sdk.invoker.ApiClient;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Entry point of the SDK: an {@link ApiClient} for the platform's gateway that sends a fresh
 * bearer token with every request. Pass it to the generated API classes of
 * {@code com.privacyplatform.sdk.api} (one per API tag, e.g. consents, tasks, incidents).
 */
public final class PlatformApi {

    private PlatformApi() {
    }

    /**
     * @param gateway the gateway's base URL, e.g. {@code https://privacy.example.com} (the API's
     *        paths start with {@code /api})
     * @param bearer supplies the access token for each request, e.g. {@link AccessTokens}
     */
    public static ApiClient client(URI gateway, Supplier<String> bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway.toString().replaceAll("/+$", ""));
        client.setConnectTimeout(Duration.ofSeconds(10));
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer.get()));
        return client;
    }
}
