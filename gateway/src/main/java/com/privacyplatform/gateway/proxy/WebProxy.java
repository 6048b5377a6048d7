package com.privacyplatform.gateway.proxy;

import com.privacyplatform.gateway.routing.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Locale;

/**
 * The reverse proxy of a web application behind the gateway (the privacy center): the path is
 * forwarded unchanged (the application lives under its own root path), cookies and the
 * application's own headers (its Content-Security-Policy, its redirects to the sign-in server) pass
 * through, hop-by-hop headers are dropped both ways, and X-Forwarded-Proto/Host/For say which public
 * address the browser used so the application builds its redirect URIs on the gateway's address.
 * The browser's session is the application's business: no bearer token is checked or forwarded.
 */
public final class WebProxy {

    private WebProxy() {
    }

    public static HttpProxy create(Vertx vertx, RouteTable.Backend backend) {
        var client = vertx.createHttpClient(new HttpClientOptions().setSsl(backend.ssl()).setMaxPoolSize(32)
                .setKeepAlive(true).setConnectTimeout(3000).setIdleTimeout(30)
                .setTracingPolicy(TracingPolicy.IGNORE)); // one span per request: the server span (TraceHeaders)
        return HttpProxy.reverseProxy(client).origin(backend.port(), backend.host()).addInterceptor(new Forward());
    }

    static final class Forward implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var request = context.request();
            var incoming = request.proxiedRequest();
            stripHopByHop(request.headers());
            TraceHeaders.continueTrace(request.headers());
            request.headers().remove("Authorization");
            request.headers().remove("X-Forwarded-Prefix");
            request.headers().set("X-Forwarded-Proto", incoming.scheme());
            request.headers().set("X-Forwarded-Host", String.valueOf(incoming.authority()));
            if (incoming.remoteAddress() != null) {
                request.headers().set("X-Forwarded-For", incoming.remoteAddress().hostAddress());
            }
            return context.sendRequest().recover(failure -> Future.succeededFuture(unavailable(context)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            stripHopByHop(context.response().headers());
            return context.sendResponse();
        }

        /** A person's browser gets a page in words, not a problem+json document. */
        private static ProxyResponse unavailable(ProxyContext context) {
            String body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>Temporarily unavailable</title></head><body><main><h1>Temporarily unavailable</h1>"
                    + "<p>The privacy center cannot be reached right now. Nothing was changed. Please try again in a few"
                    + " minutes.</p></main></body></html>";
            ProxyResponse response = context.request().response().setStatusCode(503)
                    .setStatusMessage("Service Unavailable").setBody(Body.body(Buffer.buffer(body)));
            response.headers().clear();
            response.putHeader("Content-Type", "text/html;charset=UTF-8").putHeader("Retry-After", "30")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            return response;
        }

        private static void stripHopByHop(MultiMap headers) {
            String connection = headers.get("Connection");
            if (connection != null) {
                for (String named : connection.split(",")) {
                    headers.remove(named.trim().toLowerCase(Locale.ROOT));
                }
            }
            BackendProxies.HOP_BY_HOP.forEach(headers::remove);
        }
    }
}
