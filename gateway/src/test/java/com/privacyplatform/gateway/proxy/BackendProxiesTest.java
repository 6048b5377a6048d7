package com.privacyplatform.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.gateway.routing.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's forwarding ({@link BackendProxies}) between real sockets: a stand-in backend, a server
 * that forwards every request to it as {@code ApiRoutes} does, and a client that sends what a caller
 * may send (hop-by-hop headers, forged X-Forwarded-*, bodies of several MiB). Headers both ways,
 * hop-by-hop handling, X-Forwarded-*, the {@code Location} rewrite, bodies streamed both ways, and the
 * 503 problem of a backend that is down or drops the connection. (No tracing here: the caller's
 * {@code traceparent} passes unchanged; with tracing, {@code GatewayTracingTest} of the end-to-end suite.)
 */
class BackendProxiesTest {

    private static final int BIG = 3 * 1024 * 1024 + 17;
    private static Vertx vertx;
    private static int backendPort;
    private static int gatewayPort;
    private static int deadPort;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        HttpServer backend = vertx.createHttpServer().requestHandler(BackendProxiesTest::backend);
        backendPort = await(backend.listen(0)).actualPort();
        try (ServerSocket free = new ServerSocket(0)) {
            deadPort = free.getLocalPort(); // closed again: nothing listens there
        }
        BackendProxies proxies = new BackendProxies(vertx);
        RouteTable.Backend up = new RouteTable.Backend("registry", "localhost", backendPort, false);
        RouteTable.Backend down = new RouteTable.Backend("consent", "localhost", deadPort, false);
        HttpServer gateway = vertx.createHttpServer().requestHandler(request ->
                proxies.forward(request, request.path().startsWith("/api/consents") ? down : up));
        gatewayPort = await(gateway.listen(0)).actualPort();
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(gatewayPort));
    }

    @AfterAll
    static void stop() throws Exception {
        await(vertx.close());
    }

    /** The stand-in backend: echoes what it got, or answers as the path says. */
    private static void backend(HttpServerRequest request) {
        switch (request.path()) {
            case "/drop" -> request.connection().close(); // gone before answering
            case "/stream" -> {
                // a large answer without a length, written in pieces
                var response = request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
                byte[] piece = new byte[64 * 1024];
                for (int i = 0; i < piece.length; i++) {
                    piece[i] = (byte) i;
                }
                for (int written = 0; written < BIG; written += piece.length) {
                    response.write(Buffer.buffer(piece).slice(0, Math.min(piece.length, BIG - written)));
                }
                response.end();
            }
            default -> request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().names().forEach(name ->
                        headers.put(name.toLowerCase(), String.join(", ", request.headers().getAll(name))));
                JsonObject echo = new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                        .put("headers", headers).put("bodyLength", body.length()).put("bodySha256", sha256(body));
                var response = request.response().putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "keep-alive, X-Upstream-Secret").putHeader("X-Upstream-Secret", "s3cret")
                        .putHeader("Keep-Alive", "timeout=5").putHeader("Proxy-Authenticate", "Basic")
                        .putHeader("X-Kept", "yes").putHeader("Date", "Mon, 07 Dec 2026 09:00:00 GMT")
                        ;
                response.headers().add("Set-Cookie", "a=1").add("Set-Cookie", "b=2");
                if (request.method() == HttpMethod.POST && request.path().equals("/partners")) {
                    response.setStatusCode(201).putHeader("Location", "http://localhost:" + backendPort + "/partners/123?view=full");
                }
                response.end(echo.encode());
            });
        }
    }

    @Test
    void requestHeadersPassExceptHopByHopOnesAndTheForwardingHeadersAreTheGateways() throws Exception {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer t0ken")
                .add("X-Request-Id", "req-abcdef12")
                .add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .add("Connection", "keep-alive, X-Client-Secret").add("X-Client-Secret", "hidden")
                .add("Proxy-Authorization", "Basic Zm9vOmJhcg==").add("TE", "trailers").add("Upgrade", "foo/1")
                .add("Proxy-Connection", "keep-alive").add("X-Forwarded-Prefix", "/elsewhere")
                .add("X-Forwarded-Host", "evil.example").add("X-Forwarded-For", "10.9.8.7").add("Accept", "application/json")
                .add("Accept", "application/problem+json");
        Answer answer = send(HttpMethod.GET, "/api/partners/42?view=full&cursor=a%2Fb", headers, null);
        JsonObject echo = answer.json();
        assertThat(echo.getString("uri")).isEqualTo("/partners/42?view=full&cursor=a%2Fb");
        JsonObject forwarded = echo.getJsonObject("headers");
        assertThat(forwarded.getString("authorization")).isEqualTo("Bearer t0ken");
        assertThat(forwarded.getString("x-request-id")).isEqualTo("req-abcdef12");
        assertThat(forwarded.getString("traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(forwarded.getString("accept")).isEqualTo("application/json, application/problem+json");
        assertThat(forwarded.fieldNames()).doesNotContain("x-client-secret", "proxy-authorization", "te", "upgrade",
                "proxy-connection", "transfer-encoding");
        assertThat(forwarded.getString("x-forwarded-prefix")).isEqualTo("/api");
        assertThat(forwarded.getString("x-forwarded-host")).isEqualTo("localhost:" + gatewayPort);
        assertThat(forwarded.getString("x-forwarded-proto")).isEqualTo("http");
        assertThat(forwarded.getString("x-forwarded-for")).isEqualTo("127.0.0.1");
        // the backend is asked with the caller's authority, as vertx-http-proxy did
        assertThat(forwarded.getString("host")).isEqualTo("localhost:" + gatewayPort);
        // the answer as the backend gave it, its hop-by-hop headers dropped
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("X-Kept")).isEqualTo("yes");
        assertThat(answer.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(answer.headers().get("Date")).isEqualTo("Mon, 07 Dec 2026 09:00:00 GMT");
        assertThat(answer.headers().getAll("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(answer.headers().names()).doesNotContain("X-Upstream-Secret", "Keep-Alive", "Proxy-Authenticate");
    }

    @Test
    void auditAndDeadLetterPathsAreForwardedWithoutTheirServicePrefix() throws Exception {
        JsonObject audit = send(HttpMethod.GET, "/api/audit/registry/audit-records?limit=1", MultiMap.caseInsensitiveMultiMap(), null).json();
        assertThat(audit.getString("uri")).isEqualTo("/audit-records?limit=1");
        assertThat(audit.getJsonObject("headers").getString("x-forwarded-prefix")).isEqualTo("/api/audit/registry");
        JsonObject deadLetters = send(HttpMethod.GET, "/api/services/registry/dead-letters", MultiMap.caseInsensitiveMultiMap(), null).json();
        assertThat(deadLetters.getString("uri")).isEqualTo("/dead-letters");
        assertThat(deadLetters.getJsonObject("headers").getString("x-forwarded-prefix")).isEqualTo("/api/services/registry");
    }

    @Test
    void aBackendLocationBecomesTheGatewaysUrl() throws Exception {
        Answer answer = send(HttpMethod.POST, "/api/partners", MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json"), Buffer.buffer("{}"));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.headers().get("Location")).isEqualTo("http://localhost:" + gatewayPort + "/api/partners/123?view=full");
    }

    @Test
    void bodiesAreStreamedBothWaysWhole() throws Exception {
        byte[] big = new byte[BIG];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Answer upload = send(HttpMethod.PUT, "/api/partners/42/processors", MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/octet-stream"), Buffer.buffer(big));
        JsonObject echo = upload.json();
        assertThat(echo.getInteger("bodyLength")).isEqualTo(BIG);
        assertThat(echo.getString("bodySha256")).isEqualTo(sha256(Buffer.buffer(big)));
        assertThat(echo.getJsonObject("headers").getString("content-length")).isEqualTo(Integer.toString(BIG));

        Answer download = send(HttpMethod.GET, "/api/stream", MultiMap.caseInsensitiveMultiMap(), null);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body().length()).isEqualTo(BIG);
        assertThat(download.body().getByte(BIG - 1)).isEqualTo((byte) ((BIG - 1) % (64 * 1024)));
        // no length known: passed on in chunks, not collected first
        assertThat(download.headers().get("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(download.headers().get("Content-Length")).isNull();
        assertThat(download.headers().get("Date")).isNotBlank(); // the backend sent none: the gateway's
    }

    @Test
    void aBackendThatIsDownIsA503Problem() throws Exception {
        Answer answer = send(HttpMethod.POST, "/api/consents/check", MultiMap.caseInsensitiveMultiMap()
                .add("X-Request-Id", "req-down0001").add("Content-Type", "application/json"), Buffer.buffer("{\"a\":1}"));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers().get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.headers().get("Retry-After")).isEqualTo("5");
        JsonObject problem = answer.json();
        assertThat(problem.getString("type")).isEqualTo("https://privacy-platform.example/problems/service-unavailable");
        assertThat(problem.getInteger("status")).isEqualTo(503);
        assertThat(problem.getString("instance")).isEqualTo("/api/consents/check");
        assertThat(problem.getString("correlationId")).isEqualTo("req-down0001");
    }

    @Test
    void aBackendThatDropsTheConnectionBeforeAnsweringIsA503Problem() throws Exception {
        Answer answer = send(HttpMethod.GET, "/api/drop", MultiMap.caseInsensitiveMultiMap(), null);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers().get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().getString("type")).endsWith("/service-unavailable");
        // the gateway keeps serving on new connections to the backend
        assertThat(send(HttpMethod.GET, "/api/partners/1", MultiMap.caseInsensitiveMultiMap(), null).status()).isEqualTo(200);
    }

    @Test
    void hopByHopNamesAreRecognisedInAnyCaseAndNothingElseIs() {
        for (String name : HopByHop.NAMES) {
            assertThat(HopByHop.fixed(name)).as(name).isTrue();
            assertThat(HopByHop.fixed(name.toUpperCase())).as(name).isTrue();
        }
        for (String name : new String[] {"Authorization", "Content-Length", "X-Request-Id", "tex", "trailers", "Host"}) {
            assertThat(HopByHop.fixed(name)).as(name).isFalse();
        }
        assertThat(HopByHop.hopByHop("X-Secret", HopByHop.named("close, X-SECRET"))).isTrue();
        assertThat(HopByHop.hopByHop("X-Other", HopByHop.named("close, X-SECRET"))).isFalse();
    }

    private record Answer(int status, MultiMap headers, Buffer body) {
        JsonObject json() {
            return body.toJsonObject();
        }
    }

    private static Answer send(HttpMethod method, String uri, MultiMap headers, Buffer body) throws Exception {
        Future<Answer> answer = client.request(new RequestOptions().setMethod(method).setURI(uri).setHeaders(headers))
                .compose(request -> (body == null ? request.send() : request.send(body)))
                .compose(response -> response.body().map(b -> new Answer(response.statusCode(), response.headers(), b)));
        return await(answer);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static String sha256(Buffer body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
