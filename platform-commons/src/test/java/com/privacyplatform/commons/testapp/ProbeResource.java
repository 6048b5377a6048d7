package com.privacyplatform.commons.testapp;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Endpoints that make each kind of error happen, and echo the caller, for the commons tests. */
@Path("/test/probe")
public class ProbeResource {

    private final Caller caller;
    private final AuditTrail audit;

    public ProbeResource(Caller caller, AuditTrail audit) {
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @Path("/audit-entries")
    @RolesAllowed("compliance-officer")
    @WithTransaction
    public Uni<Void> recordAuditEntry() {
        return audit.record(caller.auditActor(), "probe.recorded", "probe", UUID.randomUUID().toString(), null)
                .replaceWithVoid();
    }

    @GET
    @Path("/identity")
    @Authenticated
    public Map<String, Object> identity() {
        Map<String, Object> out = new TreeMap<>();
        out.put("subject", caller.subject());
        out.put("partnerId", caller.partnerId().map(Object::toString).orElse(null));
        out.put("partner", caller.isPartner());
        out.put("dataSubject", caller.isDataSubject());
        out.put("officer", caller.isOfficer());
        out.put("auditor", caller.isAuditor());
        out.put("actor", caller.auditActor().actor());
        return out;
    }

    @GET
    @Path("/officer-only")
    @RolesAllowed("compliance-officer")
    public String officerOnly() {
        return "ok";
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail: password=hunter2");
    }

    @GET
    @Path("/policy")
    public String policy() {
        throw ProblemException.policy("3.1.c", "express-consent-required", "Express consent required",
                "category user.biometric is sensitive and needs an express consent method",
                List.of(new Problem.FieldError("purposes[0].method", "must be an express method")));
    }

    @GET
    @Path("/rate")
    public String rate() {
        throw ProblemException.tooManyRequests("partner exceeded 10 requests per second", 3);
    }
}
