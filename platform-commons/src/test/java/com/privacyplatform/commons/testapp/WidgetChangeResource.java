package com.privacyplatform.commons.testapp;

import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** {@link Changes} in use: a transition with If-Match and audit entry (beside WidgetResource's class path). */
@Path("/test/widgets/{id}")
@RolesAllowed(Roles.PARTNER)
public class WidgetChangeResource {

    private final Changes changes;
    private final Caller caller;

    public WidgetChangeResource(Changes changes, Caller caller) {
        this.changes = changes;
        this.caller = caller;
    }

    @POST
    @Path("/renaming")
    @WithTransaction
    public Uni<Response> rename(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull WidgetRequest request) {
        Uni<Widget> loaded = Widget.<Widget>findById(id)
                .invoke(w -> caller.requireVisible(w != null && caller.maySeePartner(w.partnerId), "widget"));
        return changes.apply(loaded, w -> w.version, ifMatch, w -> {
            if (request.name().startsWith("refused")) {
                throw ProblemException.conflict("this name is refused");
            }
            String from = w.name;
            w.name = request.name();
            return Changes.audited("widget.renamed", "widget", w.id, "{\"from\":\"" + from + "\"}");
        }).map(w -> Versions.ok(view(w), w.version));
    }

    static WidgetView view(Widget w) {
        return new WidgetView(w.id, w.partnerId, w.name, null, w.size);
    }
}
