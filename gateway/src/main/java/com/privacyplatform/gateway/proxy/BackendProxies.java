package com.privacyplatform.gateway.proxy;

import com.privacyplatform.gateway.audit.AuditPaths;
import com.privacyplatform.gateway.routing.DeadLetterPaths;
import com.privacyplatform.gateway.routing.RouteTable;
import com.privacyplatform.commons.problem.CorrelationIds;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.impl.ContextInternal;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import io.netty.channel.EventLoop;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reverse proxy per backend (and event loop, below): strips the {@code /api} prefix (and
 * {@code /audit/{service}} of a service's audit path, {@link AuditPaths}) and hop-by-hop headers,
 * says who forwarded (X-Forwarded-*), and rewrites a backend's {@code Location} to the gateway's address.
 * The caller's bearer token and request id pass through unchanged; the trace context
 * ({@code traceparent}) is the gateway's server span's ({@link TraceHeaders}: the proxy's clients record
 * no span of their own), so the backend's spans join the request's trace (docs/tracing.md).
 *
 * <p>Each backend has a proxy - an HTTP client with its own connection pool - <b>per event loop</b>
 * (issue 19): a request is forwarded on a connection of the event loop that received it, so the
 * request, the backend's answer and the answer to the caller never change threads. One client shared
 * by all event loops hands out whichever pooled connection was used last, of any event loop: then the
 * forwarded request is written from one event-loop thread to another's channel and the backend's answer
 * comes back on that other thread, two hand-overs (task queue and wake-up) per request.
 */
@ApplicationScoped
public class BackendProxies {

    static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection");

    /** Connections per backend and event loop at most. */
    static final int MAX_POOL_SIZE = 64;

    private final Vertx vertx;
    private final Map<String, Map<EventLoop, LoopProxy>> proxies = new ConcurrentHashMap<>();

    public BackendProxies(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * The handler that forwards a request to the backend, for the event loop that received the
     * request ({@link #eventLoopOf}).
     */
    public ProxyHandler handler(RouteTable.Backend backend, EventLoop loop) {
        return on(backend, loop).handler();
    }

    /** The event loop of the server connection a request came on. */
    public static EventLoop eventLoopOf(HttpServerRequest request) {
        return ((ContextInternal) ((HttpServerRequestInternal) request).context()).nettyEventLoop();
    }

    /** A backend's proxy on one event loop: a client whose connections all live on that loop, and its handler. */
    record LoopProxy(HttpClient client, ProxyHandler handler) {
    }

    LoopProxy on(RouteTable.Backend backend, EventLoop loop) {
        Map<EventLoop, LoopProxy> perLoop = proxies.get(backend.name());
        if (perLoop == null) {
            perLoop = proxies.computeIfAbsent(backend.name(), name -> new ConcurrentHashMap<>());
        }
        LoopProxy proxy = perLoop.get(loop);
        return proxy != null ? proxy : perLoop.computeIfAbsent(loop, l -> create(backend));
    }

    private LoopProxy create(RouteTable.Backend backend) {
        // the pool opens a connection on the event loop of the request that asks for it (the pool's
        // event-loop size 0, the default): a client used from one loop only has connections of that loop
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setSsl(backend.ssl())
                .setMaxPoolSize(MAX_POOL_SIZE).setKeepAlive(true).setConnectTimeout(3000).setIdleTimeout(30)
                .setTracingPolicy(TracingPolicy.IGNORE)); // one span per request: the server span (TraceHeaders)
        HttpProxy proxy = HttpProxy.reverseProxy(client).origin(backend.port(), backend.host())
                .addInterceptor(new Rewrite());
        return new LoopProxy(client, ProxyHandler.create(proxy));
    }

    static final class Rewrite implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var request = context.request();
            var incoming = request.proxiedRequest();
            String uri = request.getURI();
            String below = uri.startsWith(RouteTable.PREFIX) ? uri.substring(RouteTable.PREFIX.length()) : uri;
            // a service's audit trail: /api/audit/{service}/audit-records... -> /audit-records...
            // a service's dead-letter tool: /api/services/{service}/dead-letters... -> /dead-letters...
            String forwarded = DeadLetterPaths.backendUri(AuditPaths.backendUri(below));
            request.setURI(forwarded);
            stripHopByHop(request.headers());
            TraceHeaders.continueTrace(request.headers());
            request.headers().set("X-Forwarded-Proto", incoming.scheme());
            request.headers().set("X-Forwarded-Host", String.valueOf(incoming.authority()));
            request.headers().set("X-Forwarded-Prefix",
                    RouteTable.PREFIX + below.substring(0, below.length() - forwarded.length()));
            if (incoming.remoteAddress() != null) {
                request.headers().set("X-Forwarded-For", incoming.remoteAddress().hostAddress());
            }
            // an unreachable backend is a problem+json 503, not the proxy's bare 502
            return context.sendRequest().recover(failure -> Future.succeededFuture(unavailable(context)));
        }

        private static ProxyResponse unavailable(ProxyContext context) {
            var incoming = context.request().proxiedRequest();
            String body = "{\"type\":\"" + ProblemType.SERVICE_UNAVAILABLE.uri() + "\",\"title\":\""
                    + ProblemType.SERVICE_UNAVAILABLE.title() + "\",\"status\":503,\"detail\":\"the service behind"
                    + " this path is not reachable; retry later\",\"instance\":\"" + incoming.path().replace("\"", "")
                    + "\",\"correlationId\":\"" + incoming.getHeader(CorrelationIds.HEADER) + "\"}";
            ProxyResponse response = context.request().response().setStatusCode(503).setStatusMessage("Service Unavailable")
                    .setBody(Body.body(Buffer.buffer(body)));
            response.headers().clear();
            response.putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Retry-After", "5");
            return response;
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            stripHopByHop(response.headers());
            String location = response.headers().get("Location");
            if (location != null) {
                var incoming = context.request().proxiedRequest();
                response.headers().set("Location", gatewayLocation(location, incoming.scheme(),
                        String.valueOf(incoming.authority())));
            }
            return context.sendResponse();
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

        private static void stripHopByHop(MultiMap headers) {
            String connection = headers.get("Connection");
            if (connection != null) {
                for (String named : connection.split(",")) {
                    headers.remove(named.trim().toLowerCase(Locale.ROOT));
                }
            }
            HOP_BY_HOP.forEach(headers::remove);
        }
    }
}
