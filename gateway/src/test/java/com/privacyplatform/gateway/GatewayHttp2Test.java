package com.privacyplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 callers (the SDK through the HTTPS port) are forwarded as HTTP/1.1 requests the services
 * accept: a bodiless GET goes out without a body or {@code Transfer-Encoding: chunked} (the services
 * answer a chunked request 411), a POST with its body and length - on the forwarding per event loop of
 * issue 19 as before it. Through the echo upstream, which shows what was forwarded.
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayHttp2Test {

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    private Vertx vertx;
    private HttpClient client;

    @BeforeEach
    void http2Client() {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setSsl(true)
                .setUseAlpn(true).setTrustAll(true).setVerifyHost(false));
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aBodilessHttp2GetIsForwardedWithoutABodyOrChunking() throws Exception {
        JsonObject echo = exchange(HttpMethod.GET, "/api/partners/42?view=full", null);
        assertThat(echo.getString("method")).isEqualTo("GET");
        assertThat(echo.getString("uri")).isEqualTo("/partners/42?view=full");
        assertThat(echo.getInteger("bodyLength")).isZero();
        assertThat(echo.getJsonObject("headers").getMap()).doesNotContainKey("transfer-encoding");
    }

    @Test
    void anHttp2PostIsForwardedWithItsBodyAndLength() throws Exception {
        String body = "{\"name\":\"h2\",\"n\":12345}";
        JsonObject echo = exchange(HttpMethod.POST, "/api/partners", body);
        assertThat(echo.getString("method")).isEqualTo("POST");
        assertThat(echo.getInteger("bodyLength")).isEqualTo(body.length());
        assertThat(echo.getJsonObject("headers").getMap()).doesNotContainKey("transfer-encoding");
    }

    /** One exchange over HTTP/2 (checked: the gateway answered in HTTP/2), the echo of what the backend got. */
    private JsonObject exchange(HttpMethod method, String path, String body) throws Exception {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(https.getHost()).setPort(https.getPort())
                .setURI(path).putHeader("Authorization", "Bearer " + Tokens.partner("partner-demo-a"));
        if (body != null) {
            options.putHeader("Content-Type", "application/json").putHeader("Content-Length",
                    Integer.toString(body.length()));
        }
        return client.request(options)
                .compose(request -> (body == null ? request.send() : request.send(Buffer.buffer(body)))
                        .compose(response -> {
                            assertThat(response.version()).isEqualTo(HttpVersion.HTTP_2);
                            assertThat(response.statusCode()).isBetween(200, 201);
                            return response.body();
                        }))
                .map(Buffer::toJsonObject).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
