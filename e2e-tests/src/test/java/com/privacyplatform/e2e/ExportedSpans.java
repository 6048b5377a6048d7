package com.privacyplatform.e2e;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the services exported to the end-to-end phase's OTLP receiver (infra/otlp-receiver, started by
 * {@code ./platform}): one file per export request, an ExportTraceServiceRequest in protobuf, decoded
 * here with the OTLP protobuf classes.
 */
final class ExportedSpans {

    static final Path DIRECTORY = ReadmeWalkthrough.ROOT.resolve(".platform/e2e-traces");

    /** One span with the service that exported it; ids in lower-case hex, "" for no parent. */
    record Exported(String service, String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind) {
    }

    /** One export request: its file and its bytes (protobuf carries strings as plain UTF-8). */
    record Request(Path file, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private ExportedSpans() {
    }

    static List<Request> requests() {
        if (!Files.isDirectory(DIRECTORY)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".otlp")).sorted()
                    .map(f -> new Request(f, read(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Exported> spans() {
        List<Exported> spans = new ArrayList<>();
        for (Request request : requests()) {
            ExportTraceServiceRequest decoded;
            try {
                decoded = ExportTraceServiceRequest.parseFrom(request.bytes());
            } catch (IOException e) {
                throw new AssertionError(request.file() + " is not an OTLP ExportTraceServiceRequest", e);
            }
            for (ResourceSpans resource : decoded.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue)
                        .map(v -> v.getStringValue()).findFirst().orElse("");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        spans.add(new Exported(service, hex(span.getTraceId()), hex(span.getSpanId()),
                                hex(span.getParentSpanId()), span.getName(), span.getKind()));
                    }
                }
            }
        }
        return spans;
    }

    /** Waits until no export arrived for a while (services export every 200 ms in this phase). */
    static void awaitQuiet(Duration quiet, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        int seen = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = requests().size();
            if (now != seen) {
                seen = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= quiet.toNanos()) {
                return;
            }
            Thread.sleep(250);
        }
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
