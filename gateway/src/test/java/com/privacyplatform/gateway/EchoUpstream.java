package com.privacyplatform.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in upstream for the gateway's own tests: it answers with what it received (method,
 * URI, headers), so the tests can see exactly what the gateway forwards. The real services
 * behind the gateway are exercised by the end-to-end suite.
 */
public class EchoUpstream implements QuarkusTestResourceLifecycleManager {

    static final int PORT = 18081;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        // the HTTP layer's hard limits of the real services (platform-commons), not Vert.x' defaults
        HttpServerOptions options = new HttpServerOptions().setMaxInitialLineLength(16384).setMaxHeaderSize(65536);
        HttpServer server = vertx.createHttpServer(options).requestHandler(request -> request.body().onSuccess(body -> {
            if (request.path().equals("/management/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(OPENAPI);
                return;
            }
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                    .put("headers", headers).put("bodyLength", body.length());
            var response = request.response().putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "keep-alive, X-Upstream-Secret").putHeader("X-Upstream-Secret", "s3cret");
            if (request.path().startsWith("/privacy")) {
                // a web page: its own CSP and session cookie; a sign-in redirect to Keycloak
                response.putHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'")
                        .putHeader("Set-Cookie", "q_session=s3ssion; Path=/; HttpOnly; SameSite=Lax");
                if (request.path().equals("/privacy/sign-in")) {
                    response.setStatusCode(302).putHeader("Location",
                            "http://localhost:8180/realms/privacy/protocol/openid-connect/auth?client_id=privacy-center");
                }
            } else if ("POST".equals(request.method().name())) {
                response.setStatusCode(201).putHeader("Location", "http://localhost:" + PORT + "/partners/123");
            }
            response.end(echo.encode());
        }));
        try {
            server.listen(PORT).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("echo upstream could not listen on " + PORT, e);
        }
        return Map.of("echo-upstream.port", Integer.toString(PORT));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private static final String OPENAPI = "{\"openapi\":\"3.1.0\",\"paths\":{"
            + "\"/partners/{id}\":{\"get\":{\"summary\":\"Read a partner\"}},"
            + "\"/audit-records\":{\"get\":{\"summary\":\"the shared audit trail: under /api/audit/{service}\","
            + "\"parameters\":[{\"name\":\"limit\",\"in\":\"query\",\"schema\":{\"type\":\"integer\"}}]}},"
            + "\"/dead-letters/{queue}/messages/{messageId}/replay\":{\"post\":{\"summary\":\"the shared dead-letter"
            + " tool: under /api/services/{service}\",\"parameters\":[{\"name\":\"queue\",\"in\":\"path\"},"
            + "{\"name\":\"messageId\",\"in\":\"path\"}]}}},"
            + "\"components\":{\"schemas\":{\"Partner\":{\"type\":\"object\"}}},\"tags\":[{\"name\":\"Partners\"}]}";
}
