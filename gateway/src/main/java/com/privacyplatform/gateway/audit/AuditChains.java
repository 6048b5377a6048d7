package com.privacyplatform.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.problem.CorrelationIds;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.gateway.config.GatewayConfig;
import com.privacyplatform.gateway.routing.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/audit/verification}: every service's audit chain verified in one call (4.1, 1.8).
 * The guard in {@code ApiRoutes} has checked the token, the role (compliance officer or auditor,
 * as for the services' own audit paths) and the rate limit. The gateway then asks every service
 * behind {@code /api} for its {@code /audit-records/verification} at once, with the caller's token
 * (each service authorizes again), and reports each service's result ({@link ServiceChainView})
 * and the overall status: {@code VALID} only when every chain was verified intact, {@code BROKEN}
 * when any chain is broken, {@code INCOMPLETE} otherwise (some service could not be verified).
 */
@ApplicationScoped
public class AuditChains {

    static final String PATH = RouteTable.PREFIX + AuditPaths.ALL_CHAINS;
    private static final Logger LOG = Logger.getLogger(AuditChains.class);
    private static final List<String> FORWARDED = List.of("Authorization", CorrelationIds.HEADER, "traceparent",
            "tracestate");

    private final RouteTable routes;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final long timeoutMs;
    private final HttpClient client;
    private final PlatformClock clock;

    public AuditChains(RouteTable routes, Vertx vertx, ObjectMapper json, GatewayConfig config, PlatformClock clock) {
        this.routes = routes;
        this.vertx = vertx;
        this.json = json;
        this.timeoutMs = config.audit().verificationTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(8)
                .setConnectTimeout(3000));
        this.clock = clock;
    }

    void register(@Observes Router router) {
        router.get(PATH).order(12).handler(this::verifyAll);
    }

    @Enforces({"4.1", "1.8"})
    private void verifyAll(RoutingContext rc) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Accept", "application/json");
        for (String name : FORWARDED) {
            String value = rc.request().getHeader(name);
            if (value != null) {
                headers.set(name, value);
            }
        }
        Map<String, RouteTable.Backend> services = new TreeMap<>(routes.apiBackends());
        List<Future<ServiceChainView>> checks = services.entrySet().stream()
                .map(service -> verify(service.getKey(), service.getValue(), headers)).toList();
        Future.join(checks).onComplete(done -> {
            ObjectNode report = report(checks.stream().map(Future::result).toList(), clock.instant());
            rc.response().putHeader("Content-Type", "application/json").end(report.toString());
        });
    }

    /** Never fails: whatever goes wrong makes the service UNAVAILABLE, with the reason. */
    private Future<ServiceChainView> verify(String service, RouteTable.Backend backend, MultiMap headers) {
        Promise<ServiceChainView> result = Promise.promise();
        long timer = vertx.setTimer(timeoutMs, t -> result.tryComplete(ServiceChainView.unavailable(service,
                "the service did not answer within " + Math.max(1, timeoutMs / 1000) + " s")));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(backend.host())
                .setPort(backend.port()).setSsl(backend.ssl()).setURI(AuditPaths.VERIFICATION).setHeaders(headers)
                .setIdleTimeout(timeoutMs + 1000); // the timer above decides; this only frees the connection
        client.request(options).compose(request -> request.send())
                .compose(response -> response.body().map(body -> ServiceChainView.answered(service,
                        response.statusCode(), parse(body))))
                .otherwise(failure -> ServiceChainView.unavailable(service, "the service is not reachable"))
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    result.tryComplete(done.result());
                });
        return result.future().onSuccess(chain -> {
            if (chain.status() != ServiceChainView.Status.VALID) {
                LOG.warnf("audit chain of %s: %s (%s)", service, chain.status(), chain.detail());
            }
        });
    }

    private JsonNode parse(Buffer body) {
        try {
            return json.readTree(body.getBytes());
        } catch (IOException e) {
            return null;
        }
    }

    ObjectNode report(List<ServiceChainView> results, Instant checkedAt) {
        ObjectNode root = json.createObjectNode();
        root.put("status", overall(results));
        root.put("checkedAt", checkedAt.toString());
        ArrayNode services = root.putArray("services");
        results.forEach(result -> result.toJson(services.addObject()));
        return root;
    }

    /** A chain that could not be verified is never reported as valid. */
    static String overall(List<ServiceChainView> results) {
        if (results.stream().anyMatch(r -> r.status() == ServiceChainView.Status.BROKEN)) {
            return "BROKEN";
        }
        boolean allValid = !results.isEmpty()
                && results.stream().allMatch(r -> r.status() == ServiceChainView.Status.VALID);
        return allValid ? "VALID" : "INCOMPLETE";
    }
}
