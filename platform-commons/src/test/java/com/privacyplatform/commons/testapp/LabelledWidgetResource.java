package com.privacyplatform.commons.testapp;

import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.ids.Ids;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@link Changes#create} in use: an idempotent create answered with Location and ETag. */
@Path("/test/labelled-widgets")
@RolesAllowed(Roles.PARTNER)
public class LabelledWidgetResource {

    private final Changes changes;
    private final Caller caller;

    public LabelledWidgetResource(Changes changes, Caller caller) {
        this.changes = changes;
        this.caller = caller;
    }

    @POST
    @WithTransaction
    public Uni<Response> create(@Valid @NotNull WidgetRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return changes.create(idempotencyKey, "/test/labelled-widgets", request, () -> {
            Widget widget = new Widget();
            widget.id = Ids.newId();
            widget.partnerId = caller.requirePartnerId();
            widget.name = request.name();
            widget.size = request.size();
            return widget.<Widget>persist().call(Widget::flush)
                    .map(w -> new Changes.Created(w.id, WidgetChangeResource.view(w), w.version));
        });
    }

}
