package com.privacyplatform.commons.deadletters;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * An OTLP/HTTP endpoint for the test application (as infra/otlp-receiver is for the end-to-end
 * phase): it keeps every export request's body, and configuring its address is what turns tracing on
 * (platform-api's TraceExportSwitch reads the endpoint as a system property here).
 */
public class OtlpSink implements QuarkusTestResourceLifecycleManager {

    private static final ByteArrayOutputStream RECEIVED = new ByteArrayOutputStream();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                synchronized (RECEIVED) {
                    RECEIVED.writeBytes(body);
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        System.setProperty("quarkus.otel.exporter.otlp.traces.endpoint", endpoint);
        return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", endpoint);
    }

    @Override
    public void stop() {
        System.clearProperty("quarkus.otel.exporter.otlp.traces.endpoint");
        if (server != null) {
            server.stop(0);
        }
    }

    /** Every export request received so far, concatenated (protobuf: ids as raw bytes). */
    static byte[] received() {
        synchronized (RECEIVED) {
            return RECEIVED.toByteArray();
        }
    }
}
