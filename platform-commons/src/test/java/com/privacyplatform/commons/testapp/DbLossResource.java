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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Reads and writes around a nested transaction, for the guards' tests (lost connection, client gone). */
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

    /**
     * A write that reads the widgets between two audit records (a test holds the widget table's lock
     * to keep it there while its client goes away): both records commit, or neither.
     */
    @POST
    @Path("/write-read-write/{marker}")
    @RolesAllowed(Roles.PARTNER)
    @WithTransaction
    public Uni<Long> writeReadWrite(@PathParam("marker") String marker) {
        return touches.touch(marker).chain(() -> Widget.count())
                .call(() -> touches.touch(marker));
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
