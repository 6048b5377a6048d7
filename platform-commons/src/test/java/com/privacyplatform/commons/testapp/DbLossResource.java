package com.privacyplatform.commons.testapp;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A read that first writes (through a nested transaction), for the lost-connection guard's tests. */
@Path("/test/db-loss")
public class DbLossResource {

    private final Touches touches;

    public DbLossResource(Touches touches) {
        this.touches = touches;
    }

    @GET
    @Path("/write-then-read/{marker}")
    @RolesAllowed(Roles.PARTNER)
    @WithSession
    public Uni<Long> writeThenRead(@PathParam("marker") String marker) {
        return touches.touch(marker).chain(() -> Widget.count());
    }

    /** The nested write: an audit record whose target is the test's marker. */
    @ApplicationScoped
    public static class Touches {

        private final AuditTrail audit;
        private final Caller caller;

        public Touches(AuditTrail audit, Caller caller) {
            this.audit = audit;
            this.caller = caller;
        }

        @WithTransaction
        public Uni<Void> touch(String marker) {
            return audit.record(caller.auditActor(), "db-loss.touched", "probe", marker, null).replaceWithVoid();
        }
    }
}
