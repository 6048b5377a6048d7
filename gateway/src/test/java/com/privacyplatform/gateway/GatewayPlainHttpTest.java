package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * 3.4.c: outside a local run the gateway takes no plain HTTP. The gateway here runs with the
 * production setting (the other tests enable plain HTTP in %test): a plain-HTTP request to its HTTP
 * port is refused, while the same request over HTTPS is answered.
 */
@QuarkusTest
@TestProfile(GatewayPlainHttpTest.ProductionTransport.class)
class GatewayPlainHttpTest {

    /** The production value of application.properties (GATEWAY_PLAIN_HTTP unset), on a known free port. */
    public static class ProductionTransport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.insecure-requests", "${GATEWAY_PLAIN_HTTP:disabled}",
                    "quarkus.http.test-port", Integer.toString(freePort()));
        }
    }

    @TestHTTPResource(value = "/api/vocabulary", tls = true)
    URL https;

    @Test
    @Verifies("3.4.c")
    void aPlainHttpRequestIsRefusedWhileTheSameRequestOverHttpsIsAnswered() {
        given().relaxedHTTPSValidation().get(https).then().statusCode(200);
        int httpPort = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        assertThat(plainGet(httpPort, "/api/vocabulary"))
                .as("the answer to plain HTTP on port " + httpPort).isEqualTo("connection refused");
    }

    /** The status line of a plain-HTTP GET, or "connection refused" when nothing takes the connection. */
    private static String plainGet(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return status == null ? "closed without an answer" : status;
        } catch (ConnectException e) {
            return "connection refused";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
