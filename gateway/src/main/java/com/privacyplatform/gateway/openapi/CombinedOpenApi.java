package com.privacyplatform.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.gateway.routing.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document for partners: every backend's {@code /q/openapi} combined by
 * {@link OpenApiMerge} (the same function builds the partner SDK's document at build time).
 * Cached for a minute; a backend that is down is left out and named in {@code x-unavailable}.
 */
@ApplicationScoped
public class CombinedOpenApi {

    private static final Logger LOG = Logger.getLogger(CombinedOpenApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TTL_MS = 60_000;

    private final RouteTable routes;
    private final HttpClient client;
    private volatile String cached;
    private volatile long cachedAt;

    public CombinedOpenApi(RouteTable routes, Vertx vertx) {
        this.routes = routes;
        this.client = vertx.createHttpClient();
    }

    void register(@Observes Router router) {
        router.get("/api/openapi.json").order(0).handler(rc -> document().onComplete(result -> {
            if (result.succeeded()) {
                rc.response().putHeader("Content-Type", "application/json").end(result.result());
            } else {
                rc.fail(result.cause());
            }
        }));
    }

    Future<String> document() {
        if (cached != null && System.currentTimeMillis() - cachedAt < TTL_MS) {
            return Future.succeededFuture(cached);
        }
        List<Future<JsonNode>> fetches = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, RouteTable.Backend> backend : routes.apiBackends().entrySet()) {
            names.add(backend.getKey());
            fetches.add(fetch(backend.getValue()).recover(e -> {
                LOG.warnf("OpenAPI of %s not reachable (%s)", backend.getKey(), e.getMessage());
                return Future.succeededFuture(null);
            }));
        }
        return Future.join(fetches).map(all -> {
            String merged = merge(names, fetches.stream().map(Future::result).toList());
            cached = merged;
            cachedAt = System.currentTimeMillis();
            return merged;
        });
    }

    private Future<JsonNode> fetch(RouteTable.Backend backend) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(backend.host())
                .setPort(backend.port()).setSsl(backend.ssl()).setURI("/q/openapi?format=json").setTimeout(3000);
        return client.request(options).compose(request -> request.send()).compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture("status " + response.statusCode());
            }
            return response.body();
        }).map(this::parse);
    }

    private JsonNode parse(Buffer body) {
        try {
            return JSON.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON", e);
        }
    }

    String merge(List<String> names, List<JsonNode> documents) {
        Map<String, JsonNode> byBackend = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byBackend.put(names.get(i), documents.get(i));
        }
        return OpenApiMerge.merge(byBackend, path -> routes.resolve(path).map(RouteTable.Backend::name)).toString();
    }
}
