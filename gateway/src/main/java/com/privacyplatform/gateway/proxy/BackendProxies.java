package com.privacyplatform.gateway.proxy;

import com.privacyplatform.commons.problem.CorrelationIds;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemType;
import com.privacyplatform.gateway.audit.AuditPaths;
import com.privacyplatform.gateway.routing.DeadLetterPaths;
import com.privacyplatform.gateway.routing.RouteTable;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.Pipe;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards an {@code /api} request to its backend (issue 19: written on Vert.x' HTTP client directly,
 * pooled keep-alive connections of the serving event loop, request and response bodies piped as they come, instead of
 * vertx-http-proxy's generic machinery, which copied every header map twice, parsed cache headers and
 * formatted a date per answer). The rules are the gateway's:
 * <ul>
 * <li>the URI without {@code /api} (and {@code /audit/{service}} of a service's audit path,
 * {@link AuditPaths}; {@code /services/{service}} of a dead-letter path, {@link DeadLetterPaths}),
 * query string kept;</li>
 * <li>every request header passes - the caller's bearer token and {@code X-Request-Id} too - except
 * the hop-by-hop ones ({@link HopByHop}: the fixed list and whatever {@code Connection} names) and
 * {@code Host} (the backend gets the caller's authority, as before); {@code traceparent}/{@code
 * tracestate} are left to the traced HTTP client while the gateway traces ({@link TraceHeaders});
 * X-Forwarded-Proto/Host/For/Prefix are set;</li>
 * <li>the answer passes with its status and headers, hop-by-hop ones dropped, a backend
 * {@code Location} rewritten to the gateway's URL, a {@code Date} added when the backend sent none;</li>
 * <li>a backend that cannot be reached or drops the connection before answering: 503 problem+json
 * with {@code Retry-After}; a failure after the answer started resets both sides.</li>
 * </ul>
 */
@ApplicationScoped
public class BackendProxies {

    private final Vertx vertx;
    /** For callers off the event loops (rare: the full path may resume elsewhere). */
    private final Map<String, HttpClient> shared = new ConcurrentHashMap<>();
    /**
     * Each event loop's own clients, so each its own pooled connections: a request is forwarded on a
     * connection of the event loop that serves it, never handed to another event loop and back (with
     * one shared pool about half the requests were, each hop a task and a selector wake-up; issue 19's
     * profile). The event loops are few and fixed (at most 64 connections each per backend).
     */
    private final ThreadLocal<Map<String, HttpClient>> perEventLoop = ThreadLocal.withInitial(HashMap::new);

    public BackendProxies(Vertx vertx) {
        this.vertx = vertx;
    }

    private HttpClient client(RouteTable.Backend backend) {
        Map<String, HttpClient> clients = Context.isOnEventLoopThread() ? perEventLoop.get() : shared;
        HttpClient client = clients.get(backend.name());
        return client != null ? client : clients.computeIfAbsent(backend.name(), name -> vertx.createHttpClient(
                new HttpClientOptions().setSsl(backend.ssl()).setMaxPoolSize(64).setKeepAlive(true)
                        .setConnectTimeout(3000).setIdleTimeout(30)));
    }

    /** Forwards the routing context's request to {@code backend} and its answer back; ends the exchange. */
    public void forward(HttpServerRequest in, RouteTable.Backend backend) {
        in.pause(); // the body waits for the backend's connection
        String uri = in.uri();
        String below = uri.startsWith(RouteTable.PREFIX) ? uri.substring(RouteTable.PREFIX.length()) : uri;
        // a service's audit trail: /api/audit/{service}/audit-records... -> /audit-records...
        // a service's dead-letter tool: /api/services/{service}/dead-letters... -> /dead-letters...
        String forwarded = DeadLetterPaths.backendUri(AuditPaths.backendUri(below));
        String prefix = RouteTable.PREFIX + below.substring(0, below.length() - forwarded.length());
        RequestOptions options = new RequestOptions().setMethod(in.method()).setHost(backend.host())
                .setPort(backend.port()).setURI(forwarded);
        client(backend).request(options).onComplete(opened -> {
            if (opened.failed()) {
                in.resume(); // the body is dropped
                unavailable(in);
                return;
            }
            send(in, opened.result(), prefix);
        });
    }

    private static void send(HttpServerRequest in, HttpClientRequest out, String prefix) {
        copyRequestHeaders(in, out.headers(), prefix);
        HostAndPort authority = in.authority();
        if (authority != null) {
            out.authority(authority);
        }
        out.response().onComplete(answered -> {
            if (answered.failed()) {
                unavailable(in);
                return;
            }
            answer(in, out, answered.result());
        });
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null && ("chunked".equalsIgnoreCase(in.getHeader(HttpHeaders.TRANSFER_ENCODING))
                || in.version() == HttpVersion.HTTP_2 && !in.isEnded())) {
            // a body without a length: chunked (HTTP/1.1 ones are refused with 411 before; HTTP/2 ones are not)
            out.setChunked(true);
        }
        Pipe<Buffer> pipe = in.pipe();
        pipe.endOnComplete(true);
        pipe.endOnFailure(false);
        pipe.to(out, piped -> {
            if (piped.failed()) {
                out.reset();
            }
        });
    }

    static void copyRequestHeaders(HttpServerRequest in, MultiMap out, String prefix) {
        MultiMap headers = in.headers();
        List<String> connectionNamed = HopByHop.named(headers.get(HttpHeaders.CONNECTION));
        boolean dropTrace = TraceHeaders.traced();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (HopByHop.hopByHop(name, connectionNamed) || name.equalsIgnoreCase("host")
                    || (dropTrace && TraceHeaders.w3c(name))) {
                continue;
            }
            out.add(name, header.getValue());
        }
        out.set("X-Forwarded-Proto", in.scheme());
        out.set("X-Forwarded-Host", String.valueOf(in.authority()));
        out.set("X-Forwarded-Prefix", prefix);
        SocketAddress remote = in.remoteAddress();
        if (remote != null) {
            out.set("X-Forwarded-For", remote.hostAddress());
        }
    }

    private static void answer(HttpServerRequest in, HttpClientRequest out, HttpClientResponse from) {
        HttpServerResponse to = in.response();
        if (to.ended() || to.closed() || to.headWritten()) {
            from.request().reset();
            return;
        }
        int status = from.statusCode();
        to.setStatusCode(status);
        String message = from.statusMessage();
        // the backend's reason phrase, set only when it is not the standard one: a set phrase costs a new
        // status line per answer (issue 19's profile)
        if (message != null && !message.equals(HttpResponseStatus.valueOf(status).reasonPhrase())) {
            to.setStatusMessage(message);
        }
        MultiMap headers = from.headers();
        List<String> connectionNamed = HopByHop.named(headers.get(HttpHeaders.CONNECTION));
        boolean dated = false;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (HopByHop.hopByHop(name, connectionNamed)) {
                continue;
            }
            String value = header.getValue();
            if (name.equalsIgnoreCase("location")) {
                value = gatewayLocation(value, in.scheme(), String.valueOf(in.authority()));
            } else if (name.equalsIgnoreCase("date")) {
                dated = true;
            }
            to.headers().add(name, value);
        }
        if (!dated) {
            to.headers().set(HttpHeaders.DATE, HttpDate.now());
        }
        boolean bodiless = in.method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200;
        if (!bodiless && !headers.contains(HttpHeaders.CONTENT_LENGTH)) {
            if (in.version() == HttpVersion.HTTP_1_0) {
                // an HTTP/1.0 caller cannot read chunks: the body is collected and sent with its length
                from.body().onComplete(body -> {
                    if (body.succeeded()) {
                        to.end(body.result());
                    } else {
                        to.reset();
                    }
                });
                return;
            }
            to.setChunked(true);
        }
        Pipe<Buffer> pipe = from.pipe();
        pipe.endOnSuccess(true);
        pipe.endOnFailure(false);
        pipe.to(to, piped -> {
            if (piped.failed()) {
                out.reset();
                to.reset();
            }
        });
    }

    /** An unreachable backend, or one that closed the connection before answering: a 503 problem, not a bare 502. */
    static void unavailable(HttpServerRequest in) {
        HttpServerResponse response = in.response();
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        String body = "{\"type\":\"" + ProblemType.SERVICE_UNAVAILABLE.uri() + "\",\"title\":\""
                + ProblemType.SERVICE_UNAVAILABLE.title() + "\",\"status\":503,\"detail\":\"the service behind"
                + " this path is not reachable; retry later\",\"instance\":\"" + in.path().replace("\"", "")
                + "\",\"correlationId\":\"" + in.getHeader(CorrelationIds.HEADER) + "\"}";
        response.setStatusCode(503).setStatusMessage("Service Unavailable")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).putHeader("Retry-After", "5")
                .putHeader(HttpHeaders.DATE, HttpDate.now()).end(body);
    }

    /** {@code http://backend:8081/partners/1} -> {@code https://gateway/api/partners/1}. */
    static String gatewayLocation(String location, String scheme, String authority) {
        URI uri = URI.create(location);
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        if (!path.startsWith(RouteTable.PREFIX + "/")) {
            path = RouteTable.PREFIX + path;
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme + "://" + authority + path + query;
    }

    /** The {@code Date} header's value (IMF-fixdate), formatted once per second. */
    static final class HttpDate {

        private record Formatted(long second, String value) {
        }

        private static volatile Formatted last = new Formatted(-1, "");

        private HttpDate() {
        }

        static String now() {
            long millis = System.currentTimeMillis();
            long second = millis / 1000;
            Formatted formatted = last;
            if (formatted.second() != second) {
                formatted = new Formatted(second, DateFormatter.format(new Date(second * 1000)));
                last = formatted;
            }
            return formatted.value();
        }
    }
}
