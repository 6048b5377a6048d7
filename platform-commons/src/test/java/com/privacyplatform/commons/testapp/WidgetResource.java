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
import jakarta.ws.rs.GET;
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

    public WidgetResource(Outbox outbox, AuditTrail audit, Caller caller) {
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @WithTransaction
    public Uni<Response> create(@Valid @NotNull WidgetRequest request) {
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
