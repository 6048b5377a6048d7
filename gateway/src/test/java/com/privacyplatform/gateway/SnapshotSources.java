package com.privacyplatform.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Serves the two snapshots the gateway bootstraps its restrictions projection from, in the
 * documented formats of partner-registry-service ({@code GET /partner-snapshots}) and breach-service
 * ({@code GET /emergency-orders?active=true}), two items per page so that paging is exercised. The
 * real services cannot run inside the gateway's test; the end-to-end suite uses them.
 * Requests without a bearer token get 401, like the real services.
 */
public class SnapshotSources implements QuarkusTestResourceLifecycleManager {

    static final int PORT = 18091;
    /** Decided before the gateway started: a suspended partner and a closed interface. */
    static final String SUSPENDED_BEFORE_START = "5b1e7c0a-0000-4000-8000-00000000c001";
    static final String CLOSED_BEFORE_START = "5b1e7c0a-0000-4000-8000-00000000d001";
    /** Terminated with deletion tasks still open: duty routes open. */
    static final String TERMINATED_WITH_DUTIES = "5b1e7c0a-0000-4000-8000-00000000e001";
    /** Terminated, and every deletion task of its termination resolved: nothing open. */
    static final String TERMINATED_DISCHARGED = "5b1e7c0a-0000-4000-8000-00000000e002";
    static final String CLOSURE_ORDER = "019ac2f1-0000-7000-8000-0000000000d1";

    static final List<JsonObject> PARTNERS = new CopyOnWriteArrayList<>();
    static final List<JsonObject> ORDERS = new CopyOnWriteArrayList<>();
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** Paths answered 503 (a source that is down). */
    static final java.util.Set<String> DOWN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        reset();
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String authorization = request.getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                request.response().setStatusCode(401).end();
                return;
            }
            AUTHORIZATIONS.add(authorization);
            if (DOWN.contains(request.path())) {
                request.response().setStatusCode(503).end();
                return;
            }
            List<JsonObject> source = switch (request.path()) {
                case "/partner-snapshots" -> PARTNERS;
                case "/emergency-orders" -> "true".equals(request.getParam("active"))
                        ? ORDERS.stream().filter(o -> "ACTIVE".equals(o.getString("state"))).toList() : ORDERS;
                default -> null;
            };
            if (source == null) {
                request.response().setStatusCode(404).end();
                return;
            }
            int from = request.getParam("cursor") == null ? 0 : Integer.parseInt(request.getParam("cursor"));
            int to = Math.min(source.size(), from + 2);
            JsonObject page = new JsonObject().put("items", new JsonArray(List.copyOf(source.subList(from, to))))
                    .put("nextCursor", to < source.size() ? Integer.toString(to) : null);
            request.response().putHeader("Content-Type", "application/json").end(page.encode());
        });
        try {
            server.listen(PORT).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("snapshot sources could not listen on " + PORT, e);
        }
        return Map.of("snapshot-sources.port", Integer.toString(PORT));
    }

    /** What the services held before the gateway started. */
    static void reset() {
        DOWN.clear();
        PARTNERS.clear();
        ORDERS.clear();
        Instant earlier = Instant.now().minus(1, ChronoUnit.HOURS);
        PARTNERS.add(partner("2b9ab027-cb68-523d-81ec-293ae3eaf63b", "ACTIVE", earlier));
        PARTNERS.add(partner("e323d24b-b3af-54e4-9942-b04f7ce699c8", "ACTIVE", earlier));
        PARTNERS.add(partner(SUSPENDED_BEFORE_START, "SUSPENDED", earlier));
        PARTNERS.add(partner(TERMINATED_WITH_DUTIES, "TERMINATED", earlier));
        PARTNERS.add(partner(TERMINATED_DISCHARGED, "TERMINATED", earlier)
                .put("terminationDeletionCompletedAt", earlier.plusSeconds(60).toString()));
        ORDERS.add(order(CLOSURE_ORDER, CLOSED_BEFORE_START, "TEMPORARY_CLOSURE"));
        ORDERS.add(order("019ac2f1-0000-7000-8000-0000000000d2", CLOSED_BEFORE_START, "FLOW_RESTRAINT")
                .put("state", "LIFTED"));
    }

    /** An item of {@code GET /partner-snapshots} (PartnerSnapshot). */
    static JsonObject partner(String id, String status, Instant updatedAt) {
        return new JsonObject().put("partnerId", id).put("oidcClientId", "client-" + id).put("jurisdiction", "CN")
                .put("status", status).put("scopeVersion", 1).put("scope", new JsonArray())
                .put("automatedDecisionAuthorized", false).put("updatedAt", updatedAt.toString())
                .putNull("terminationDeletionCompletedAt");
    }

    /** An item of {@code GET /emergency-orders} (EmergencyOrder). */
    static JsonObject order(String id, String partnerId, String kind) {
        return new JsonObject().put("id", id).put("partnerId", partnerId).put("incidentId", null).put("kind", kind)
                .put("requestsPerSecond", "FLOW_RESTRAINT".equals(kind) ? 1 : null).put("requestsPerPeriod", null)
                .put("period", null).put("expiresAt", null).put("reason", "before the gateway started")
                .put("state", "ACTIVE").put("orderedBy", "olivia").put("orderedAt", Instant.now().toString())
                .put("endedAt", null).put("endedBy", null).put("endReason", null).put("version", 0);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
