package com.privacyplatform.commons.testapp;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.masking.Masking;
import com.privacyplatform.commons.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

@Path("/test/widgets")
public class WidgetResource {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Caller caller;
    private final Idempotency idempotency;

    public WidgetResource(Outbox outbox, AuditTrail audit, Caller caller, Idempotency idempotency) {
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @WithTransaction
    public Uni<Response> create(@Valid @NotNull WidgetRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.auditActor().actor(), List.of("POST /test/widgets", request),
                () -> insert(request));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PARTNER)
    @WithTransaction
    public Uni<Response> resize(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull WidgetRequest request) {
        return Widget.<Widget>findById(id)
                .invoke(w -> caller.requireVisible(w != null && caller.maySeePartner(w.partnerId), "widget"))
                .invoke(w -> Versions.requireMatch(ifMatch, w.version))
                .invoke(w -> w.size = request.size())
                .call(w -> Widget.getSession().chain(s -> s.flush()))
                .map(w -> Response.ok(view(w)).tag(new EntityTag(Long.toString(w.version))).build());
    }

    private Uni<Response> insert(WidgetRequest request) {
        Widget widget = new Widget();
        widget.id = Ids.newId();
        widget.partnerId = caller.requirePartnerId();
        widget.name = request.name();
        widget.ownerEmail = request.ownerEmail();
        widget.size = request.size();
        return widget.<Widget>persist()
                .chain(() -> outbox.publish("widget.created", widget.id.toString(),
                        new WidgetEvent(widget.id, widget.partnerId, widget.name, 0)))
                .chain(() -> audit.record(caller.auditActor(), "widget.created", "widget", widget.id.toString(),
                        "{\"size\":" + widget.size + "}"))
                .invoke(() -> {
                    if (widget.name.startsWith("rollback")) {
                        throw ProblemException.conflict("asked to roll back after writing");
                    }
                })
                .map(r -> Response.created(URI.create("/test/widgets/" + widget.id)).entity(view(widget)).build());
    }

    @POST
    @Path("/{id}/touches")
    @RolesAllowed(Roles.PARTNER)
    @WithTransaction
    public Uni<Void> touch(@PathParam("id") UUID id, @jakarta.ws.rs.QueryParam("n") int n) {
        return Widget.<Widget>findById(id)
                .invoke(w -> caller.requireVisible(w != null && caller.maySeePartner(w.partnerId), "widget"))
                .chain(w -> outbox.publish("widget.touched", w.id.toString(),
                        new WidgetEvent(w.id, w.partnerId, w.name, n)))
                .replaceWithVoid();
    }

    /** Bulk effect: {@code count} touch events and audit records with one publishAll/recordAll; rolls back if asked. */
    @POST
    @Path("/{id}/touches/bulk")
    @RolesAllowed(Roles.PARTNER)
    @WithTransaction
    public Uni<Void> touchMany(@PathParam("id") UUID id, @jakarta.ws.rs.QueryParam("count") int count,
            @jakarta.ws.rs.QueryParam("rollback") boolean rollback) {
        return Widget.<Widget>findById(id)
                .invoke(w -> caller.requireVisible(w != null && caller.maySeePartner(w.partnerId), "widget"))
                .chain(w -> outbox.publishAll(java.util.stream.IntStream.rangeClosed(1, count)
                                .mapToObj(n -> new Outbox.Event("widget.touched", w.id.toString(),
                                        new WidgetEvent(w.id, w.partnerId, w.name, n)))
                                .toList())
                        .chain(() -> audit.recordAll(caller.auditActor(), java.util.stream.IntStream
                                .rangeClosed(1, count)
                                .mapToObj(n -> new AuditTrail.Entry("widget.touched", "widget", w.id.toString(),
                                        "{\"n\":" + n + "}"))
                                .toList())))
                .invoke(() -> {
                    if (rollback) {
                        throw ProblemException.conflict("asked to roll back after writing");
                    }
                })
                .replaceWithVoid();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    public Uni<WidgetView> get(@PathParam("id") UUID id) {
        return Widget.<Widget>findById(id)
                .invoke(w -> caller.requireVisible(w != null && caller.maySeePartner(w.partnerId), "widget"))
                .map(this::view);
    }

    private WidgetView view(Widget w) {
        String email = caller.ownsValuesOf(null, w.partnerId) ? w.ownerEmail : Masking.email(w.ownerEmail);
        return new WidgetView(w.id, w.partnerId, w.name, email, w.size);
    }
}
