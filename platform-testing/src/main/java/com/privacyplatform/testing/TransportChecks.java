package com.privacyplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Transport-level errors of a running test application, over a raw socket (REST Assured would
 * re-encode odd targets, and cannot send a request line that is not HTTP at all):
 * 414, 431, 413, 411, 405 and 406 answered by the platform - problem+json, or pages in words for
 * the privacy center - and what the HTTP layer still answers bare beyond its own hard limits.
 * One instance per application under test; each module's test calls the checks with its paths.
 */
public final class TransportChecks {

    /** The platform's default limits (TransportLimits) and the HTTP layer's hard ones (platform-commons). */
    public static final int MAX_URI = 4096;
    public static final int MAX_HEADER_BYTES = 24576;
    public static final int MAX_HEADERS = 120;
    public static final long MAX_BODY = 2_097_152;
    public static final int HARD_MAX_LINE = 16384;
    public static final int HARD_MAX_HEADER_BYTES = 65536;
    public static final String PROBLEMS = "https://privacy-platform.example/problems/";

    /** What came back: the status, the headers (lower-case names) and the body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final boolean pages;
    private int maxUri = MAX_URI;
    private int maxHeaderBytes = MAX_HEADER_BYTES;
    private int maxHeaders = MAX_HEADERS;
    private long maxBody = MAX_BODY;

    private TransportChecks(int port, boolean pages) {
        this.port = port;
        this.pages = pages;
    }

    /** An API: every refusal is problem+json with the platform's {@code type}. */
    public static TransportChecks problems(int port) {
        return new TransportChecks(port, false);
    }

    /** A web application for people: every refusal is an HTML page in words (never a bare answer). */
    public static TransportChecks pages(int port) {
        return new TransportChecks(port, true);
    }

    /** The application's own limits, where they differ from the platform's defaults (the gateway). */
    public TransportChecks limits(int uri, int headerBytes, int headers, long body) {
        this.maxUri = uri;
        this.maxHeaderBytes = headerBytes;
        this.maxHeaders = headers;
        this.maxBody = body;
        return this;
    }

    /** A target one character over the limit: 414; exactly at the limit: answered as usual. */
    public void uriTooLong(String pathPrefix) {
        String atLimit = pathPrefix + "a".repeat(maxUri - pathPrefix.length());
        Answer usual = send(head("GET", atLimit, Map.of()));
        expect(usual.status() != 414, "a " + maxUri + "-character target is within the limit: " + usual);
        Answer answer = send(head("GET", atLimit + "a", Map.of()));
        refused(answer, 414, "uri-too-long");
    }

    /** One header field too large, and too many header fields: 431 each; at the limits: as usual. */
    public void headersTooLarge(String path) {
        refused(send(head("GET", path, Map.of("X-Filler", "f".repeat(maxHeaderBytes)))), 431,
                "header-fields-too-large");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= maxHeaders; i++) {
            many.put("X-Filler-" + i, "f");
        }
        refused(send(head("GET", path, many)), 431, "header-fields-too-large");
        Answer usual = send(head("GET", path, Map.of("X-Filler", "f".repeat(maxHeaderBytes / 2))));
        expect(usual.status() != 431, "half the header limit is accepted: " + usual);
    }

    /**
     * A body over the limit, sent whole before reading as many clients do: 413 by its Content-Length
     * (the body is dropped unread, the answer arrives, the connection closes); a chunked body: 411.
     */
    public void bodyTooLarge(String method, String path) {
        Answer answer = send(head(method, path, Map.of("Content-Type", "application/json",
                "Content-Length", Long.toString(maxBody + 1))) + " ".repeat((int) maxBody + 1));
        refused(answer, 413, "payload-too-large");
        expect("close".equalsIgnoreCase(answer.header("Connection")), "413 closes the connection: " + answer);
        Answer chunked = send(head(method, path, Map.of("Content-Type", "application/json",
                "Transfer-Encoding", "chunked")) + "2\r\n{}\r\n0\r\n\r\n");
        refused(chunked, 411, "length-required");
    }

    /** A method the path does not support: 405 with {@code Allow} naming (at least) the given methods. */
    public void methodNotAllowed(String method, String path, String... allowed) {
        Answer answer = send(head(method, path, Map.of("Content-Type", "application/json", "Content-Length", "2"))
                + "{}");
        refused(answer, 405, "method-not-allowed");
        if (allowed.length > 0) {
            String allow = answer.header("Allow");
            expect(allow != null, "405 names the allowed methods: " + answer);
            for (String m : allowed) {
                expect(Arrays.stream(allow.split(",")).map(String::trim).anyMatch(m::equalsIgnoreCase),
                        "Allow names " + m + ": " + answer);
            }
        }
    }

    /** An {@code Accept} that no representation of the path satisfies: 406. */
    public void notAcceptable(String path, String accept) {
        refused(send(head("GET", path, Map.of("Accept", accept))), 406, "not-acceptable");
    }

    /**
     * What the HTTP layer answers before any route runs, bare - no body, no problem type - as the
     * READMEs say: a request line over its hard limit (414), a header section over its hard limit
     * (431), a request line or a header line that is not HTTP, a Content-Length that is not a
     * number (400), and a target that is not a valid URI (400, Quarkus' own check).
     */
    public void bareBeyondTheHttpLayer() {
        bare(send(head("GET", "/" + "a".repeat(HARD_MAX_LINE), Map.of())), 414);
        bare(send(head("GET", "/", Map.of("X-Filler", "f".repeat(HARD_MAX_HEADER_BYTES)))), 431);
        bare(send("HELLO\r\n\r\n"), 400);
        bare(send("GET / HTTP/1.1\r\nHost: localhost\r\nNo colon in this line\r\n\r\n"), 400);
        bare(send(head("POST", "/", Map.of("Content-Length", "ten"))), 400);
        bare(send(head("GET", "/%zz", Map.of())), 400);
    }

    private void refused(Answer answer, int status, String slug) {
        expect(answer.status() == status, "expected " + status + ": " + answer);
        String type = answer.header("Content-Type");
        if (pages) {
            expect(type != null && type.startsWith("text/html"), "a page in words: " + answer);
            expect(answer.body().contains("<h1>"), "a page with a heading: " + answer);
            return;
        }
        expect(type != null && type.startsWith("application/problem+json"), "problem+json: " + answer);
        try {
            JsonNode problem = JSON.readTree(answer.body());
            expect((PROBLEMS + slug).equals(problem.path("type").asText()), "type " + slug + ": " + answer);
            expect(problem.path("status").asInt() == status, "status in the body: " + answer);
            expect(!problem.path("title").asText().isEmpty() && !problem.path("detail").asText().isEmpty(),
                    "title and detail: " + answer);
            expect(answer.header("X-Request-Id") == null
                    || answer.header("X-Request-Id").equals(problem.path("correlationId").asText()),
                    "correlationId = X-Request-Id: " + answer);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
    }

    private static void bare(Answer answer, int status) {
        expect(answer.status() == status, "the HTTP layer answers " + status + ": " + answer);
        expect(answer.body().isEmpty() && answer.header("Content-Type") == null, "bare: " + answer);
    }

    private static String head(String method, String target, Map<String, String> headers) {
        StringBuilder out = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        headers.forEach((name, value) -> out.append(name).append(": ").append(value).append("\r\n"));
        return out.append("\r\n").toString();
    }

    /** Sends raw bytes and reads the answer until the server closes the connection. */
    public Answer send(String request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (SocketException e) {
                // the server may answer and close before everything was written: read what it said
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new AssertionError("no answer on port " + port, e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // a reset after the answer was sent: keep what arrived
        }
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        expect(end > 0, "an HTTP answer: [" + text + "]");
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message.length() > 2000 ? message.substring(0, 2000) + "..." : message);
        }
    }
}
