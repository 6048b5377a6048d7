package com.privacyplatform.privacycenter;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A tiny cookie-keeping HTTP client that signs in through the real Keycloak login form, as a browser
 * would: the privacy center's redirect (with PKCE), Keycloak's form, the code callback. Requests to
 * the application carry the gateway's X-Forwarded-Host/Proto, so redirect URIs are the gateway's
 * (http://localhost:8080/privacy/...), which the demo realm allows.
 */
final class Browserless {

    static final String GATEWAY = "http://localhost:8080";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String app;
    private final Map<String, String> appCookies = new LinkedHashMap<>();
    private final Map<String, String> keycloakCookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** @param app the application's own address, e.g. http://localhost:41234 */
    Browserless(String app) {
        this.app = app.endsWith("/") ? app.substring(0, app.length() - 1) : app;
    }

    Map<String, String> cookies() {
        return appCookies;
    }

    /** Sends this header with every later request to the application (e.g. the browser's Accept-Language). */
    Browserless header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(appUri(path)).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(appUri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Signs in as a demo user (password {@code <user>-demo-pw}) starting from {@code path}; answers the page. */
    HttpResponse<String> signIn(String user, String path) {
        HttpResponse<String> challenge = get(path);
        require(challenge.statusCode() == 302, "expected a redirect to sign in, got " + challenge.statusCode());
        HttpResponse<String> form = keycloak(HttpRequest.newBuilder(URI.create(location(challenge))).GET());
        Matcher action = FORM_ACTION.matcher(form.body());
        require(action.find(), "Keycloak's login form not found");
        HttpResponse<String> loggedIn = keycloak(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", user,
                        "password", user + "-demo-pw", "credentialId", "")))));
        require(loggedIn.statusCode() == 302, "Keycloak refused the login: " + loggedIn.statusCode());
        String callback = location(loggedIn);
        require(callback.startsWith(GATEWAY), "callback not to the gateway: " + callback);
        HttpResponse<String> back = get(callback.substring(GATEWAY.length()));
        require(back.statusCode() == 302, "the code callback answered " + back.statusCode());
        return get(location(back).replace(GATEWAY, ""));
    }

    /** The CSRF token a page's form carries. */
    static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        require(m.find(), "no CSRF token in the page");
        return m.group(1);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private URI appUri(String path) {
        return URI.create(app + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        builder.header("X-Forwarded-Host", "localhost:8080").header("X-Forwarded-Proto", "http");
        headers.forEach(builder::header);
        if (!appCookies.isEmpty()) {
            builder.header("Cookie", cookieHeader(appCookies));
        }
        HttpResponse<String> response = exchange(builder.build());
        keep(response, appCookies);
        return response;
    }

    private HttpResponse<String> keycloak(HttpRequest.Builder builder) {
        // Keycloak's cookies are Secure; a browser still sends them to http://localhost
        if (!keycloakCookies.isEmpty()) {
            builder.header("Cookie", cookieHeader(keycloakCookies));
        }
        HttpResponse<String> response = exchange(builder.build());
        keep(response, keycloakCookies);
        return response;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void keep(HttpResponse<?> response, Map<String, String> jar) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private static String cookieHeader(Map<String, String> jar) {
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
