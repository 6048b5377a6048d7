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
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One reverse proxy per backend: strips the {@code /api} prefix (and {@code /audit/{service}} of a
 * service's audit path, {@link AuditPaths}) and hop-by-hop headers, says who
 * forwarded (X-Forwarded-*), and rewrites a backend's {@code Location} to the gateway's address.
 * The caller's bearer token and request id pass through unchanged; the trace context
 * ({@code traceparent}) is set by the traced HTTP client to its own span's, so the backend's spans
 * join the request's trace (docs/tracing.md).
 */
@ApplicationScoped
public class BackendProxies {

    static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection");

    private final Vertx vertx;
    private final Map<String, HttpProxy> proxies = new ConcurrentHashMap<>();

    public BackendProxies(Vertx vertx) {
        this.vertx = vertx;
    }

    public HttpProxy of(RouteTable.Backend backend) {
        return proxies.computeIfAbsent(backend.name(), name -> create(backend));
    }

    private HttpProxy create(RouteTable.Backend backend) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setSsl(backend.ssl())
                .setMaxPoolSize(64).setKeepAlive(true).setConnectTimeout(3000).setIdleTimeout(30));
        return HttpProxy.reverseProxy(client).origin(backend.port(), backend.host()).addInterceptor(new Rewrite());
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
            TraceHeaders.dropIncomingWhenTraced(request.headers());
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
