package com.privacyplatform.gateway.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.problem.ProblemType;
import com.privacyplatform.gateway.web.Problems;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /api/gateway/restrictions} (compliance officer, auditor): what the gateway enforces
 * from its projection right now - every partner status it holds and every active emergency order -
 * so that it can be compared with the registry's snapshots and breach-service's active orders; and
 * {@code POST /api/gateway/restrictions/reconciliation} (compliance officer): the projection reconciled
 * with both sources now, with what each listed and repaired (issue 18.2).
 */
@ApplicationScoped
public class ProjectionView {

    public static final String PATH = "/api/gateway/restrictions";
    /** Issue 18.2: the officer's reconciliation of the projection with the registry and breach-service now. */
    public static final String RECONCILIATION = PATH + "/reconciliation";

    private final RestrictionProjection projection;
    private final ProjectionBootstrap bootstrap;
    private final ObjectMapper json;

    public ProjectionView(RestrictionProjection projection, ProjectionBootstrap bootstrap, ObjectMapper json) {
        this.projection = projection;
        this.bootstrap = bootstrap;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.get(PATH).order(0).handler(this::handle);
        router.route(RECONCILIATION).order(0).handler(this::reconcile);
    }

    private void reconcile(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST) {
            rc.response().putHeader("Allow", "POST");
            Problems.send(rc, ProblemType.METHOD_NOT_ALLOWED, "a reconciliation is asked for with POST; allowed: POST");
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                Problems.send(rc, ProblemType.UNAUTHENTICATED, "a valid bearer token issued by the platform is required");
            } else if (!identity.hasRole(Roles.OFFICER)) {
                Problems.send(rc, ProblemType.FORBIDDEN, "only compliance officers may reconcile the projection");
            } else {
                bootstrap.reconcileNow().subscribe().with(result -> {
                    ObjectNode root = json.createObjectNode().put("projection", ProjectionBootstrap.PROJECTION);
                    result.forEach((source, sync) -> root.putObject(source).put("items", sync.items())
                            .put("repaired", sync.repaired()));
                    rc.response().putHeader("Content-Type", "application/json").end(root.toString());
                }, failure -> Problems.send(rc, 503, "projection-source-unavailable", "Projection source unavailable",
                        "the registry or breach-service could not be read; the projection is unchanged; retry later",
                        null));
            }
        }, failure -> Problems.send(rc, ProblemType.UNAUTHENTICATED,
                "the bearer token is not valid for this platform"));
    }

    private void handle(RoutingContext rc) {
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                Problems.send(rc, ProblemType.UNAUTHENTICATED, "a valid bearer token issued by the platform is required");
            } else if (!identity.hasRole(Roles.OFFICER) && !identity.hasRole(Roles.AUDITOR)) {
                Problems.send(rc, ProblemType.FORBIDDEN, "only compliance officers and auditors may read this");
            } else {
                rc.response().putHeader("Content-Type", "application/json").end(view().toString());
            }
        }, failure -> Problems.send(rc, ProblemType.UNAUTHENTICATED,
                "the bearer token is not valid for this platform"));
    }

    ObjectNode view() {
        PartnerControls controls = projection.controls();
        ObjectNode root = json.createObjectNode();
        root.put("synced", controls.isSynced());
        ArrayNode partners = root.putArray("partners");
        controls.statuses().forEach((id, status) -> partners.addObject().put("partnerId", id.toString())
                .put("status", status));
        ArrayNode discharged = root.putArray("dischargedPartners");
        controls.dischargedPartners().forEach((id, at) -> discharged.addObject().put("partnerId", id.toString())
                .put("terminationDeletionCompletedAt", at.toString()));
        ArrayNode orders = root.putArray("activeOrders");
        controls.activeOrders().forEach((order, partner) -> orders.addObject().put("orderId", order.toString())
                .put("partnerId", partner.toString()));
        return root;
    }
}
