package com.privacyplatform.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.gateway.config.GatewayConfig;
import com.privacyplatform.gateway.routing.RouteTable;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document for partners: every backend's OpenAPI document - read where the backend
 * serves it ({@code gateway.backends.<name>.openapi-url}, the services' management interface) -
 * combined by {@link OpenApiMerge} (the same function builds the partner SDK's document at build
 * time). Cached for a minute; a backend that is down is left out and named in {@code x-unavailable}.
 * Served at {@code /api/openapi.json}, and at the same path on the gateway's management interface,
 * where its Swagger UI loads it from.
 */
@ApplicationScoped
public class CombinedOpenApi {

    private static final Logger LOG = Logger.getLogger(CombinedOpenApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TTL_MS = 60_000;
    static final String PATH = "/api/openapi.json";

    private final RouteTable routes;
    private final GatewayConfig config;
    private final HttpClient client;
    private volatile String cached;
    private volatile long cachedAt;

    public CombinedOpenApi(RouteTable routes, GatewayConfig config, Vertx vertx) {
        this.routes = routes;
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    void register(@Observes Router router) {
        router.get(PATH).order(0).handler(this::serve);
    }

    /** Swagger UI is on the management interface and loads the document from its own origin. */
    void registerOnManagement(@Observes ManagementInterface management) {
        management.router().get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        document().onComplete(result -> {
            if (result.succeeded()) {
                rc.response().putHeader("Content-Type", "application/json").end(result.result());
            } else {
                rc.fail(result.cause());
            }
        });
    }

    Future<String> document() {
        if (cached != null && System.currentTimeMillis() - cachedAt < TTL_MS) {
            return Future.succeededFuture(cached);
        }
        List<Future<JsonNode>> fetches = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, RouteTable.Backend> backend : routes.apiBackends().entrySet()) {
            names.add(backend.getKey());
            fetches.add(fetch(openapiUrl(backend.getKey())).recover(e -> {
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

    /** The backend's configured OpenAPI location, else {@code /q/openapi} at its URL. */
    URI openapiUrl(String backend) {
        GatewayConfig.Backend b = config.backends().get(backend);
        return b.openapiUrl().orElseGet(() -> URI.create(b.url().replaceAll("/+$", "") + "/q/openapi"));
    }

    private Future<JsonNode> fetch(URI url) {
        boolean ssl = "https".equals(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath()) + "?format=json";
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(url.getHost())
                .setPort(port).setSsl(ssl).setURI(path).setTimeout(3000);
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
