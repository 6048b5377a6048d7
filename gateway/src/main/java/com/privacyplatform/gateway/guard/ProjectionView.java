package com.privacyplatform.gateway.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.problem.ProblemType;
import com.privacyplatform.gateway.web.Problems;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /api/gateway/restrictions} (compliance officer, auditor): what the gateway enforces
 * from its projection right now - every partner status it holds and every active emergency order -
 * so that it can be compared with the registry's snapshots and breach-service's active orders.
 */
@ApplicationScoped
public class ProjectionView {

    public static final String PATH = "/api/gateway/restrictions";

    private final RestrictionProjection projection;
    private final ObjectMapper json;

    public ProjectionView(RestrictionProjection projection, ObjectMapper json) {
        this.projection = projection;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.get(PATH).order(0).handler(this::handle);
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
