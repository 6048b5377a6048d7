package com.privacyplatform.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Access tokens of a partner's OIDC client from the platform's Keycloak (OAuth 2.0 client
 * credentials grant), cached until shortly before they expire. Use one instance per client and
 * hand it to {@link PlatformApi#client(URI, Supplier)}.
 *
 * <pre>{@code
 * AccessTokens tokens = AccessTokens.clientCredentials(
 *         URI.create("https://login.example.com/realms/privacy"), "partner-demo-a", secret);
 * }</pre>
 */
public final class AccessTokens implements Supplier<String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final Map<String, String> form;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    private AccessTokens(HttpClient http, URI tokenEndpoint, Map<String, String> form, Clock clock) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.form = form;
        this.clock = clock;
    }

    /**
     * @param realm the realm's issuer URL, e.g. {@code https://login.example.com/realms/privacy}
     * @param clientId the partner's OIDC client id (its partner id derives from it)
     * @param clientSecret the client's secret, as the platform's operators issued it
     */
    public static AccessTokens clientCredentials(URI realm, String clientId, String clientSecret) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        String base = realm.toString().replaceAll("/+$", "");
        return new AccessTokens(HttpClient.newHttpClient(), URI.create(base + "/protocol/openid-connect/token"),
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret),
                Clock.systemUTC());
    }

    /** A valid access token: the cached one, or a new one when it expires within 30 seconds. */
    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            JsonNode answer = request();
            token = answer.path("access_token").asText(null);
            if (token == null) {
                throw new IllegalStateException("the token endpoint answered without an access_token");
            }
            long expiresIn = answer.path("expires_in").asLong(60);
            renewAt = now.plusSeconds(expiresIn).minus(EARLY);
        }
        return token;
    }

    private JsonNode request() {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the token endpoint " + tokenEndpoint + " answered "
                        + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the token endpoint " + tokenEndpoint + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while requesting a token", e);
        }
    }
}
