package com.privacyplatform.dsr.export;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.dsr.request.RequestRepository;
import com.privacyplatform.dsr.request.Timeline;
import com.privacyplatform.commons.http.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The subject's access export: nobody else may download it, not even oversight (3.4.f, 3.2.d). */
@Path("/requests/{id}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class ExportResource {

    private final ExportService exports;
    private final RequestRepository requests;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final Caller caller;

    public ExportResource(ExportService exports, RequestRepository requests, Timeline timeline, AuditTrail audit,
            Caller caller) {
        this.exports = exports;
        this.requests = requests;
        this.timeline = timeline;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.DATA_SUBJECT)
    @WithTransaction
    @Enforces(value = {"3.4.f", "3.5.a"}, note = "only the subject downloads their export")
    @Operation(summary = "Download the ACCESS export: the subject only, until it expires (410 after)")
    @APIResponseSchema(value = ExportViews.ExportView.class, responseCode = "200",
            responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> download(@PathParam("id") UUID id) {
        return requests.findById(id)
                .invoke(r -> caller.requireVisible(r != null && r.subjectId.equals(caller.subject()), "request"))
                .chain(r -> exports.download(r)
                        .call(view -> timeline.add(r.id, Timeline.EXPORT_DOWNLOADED, caller.auditActor().actor(),
                                "{\"parts\":" + view.parts().size() + "}"))
                        .call(view -> audit.record(caller.auditActor(), "dsr-export.downloaded", "dsr-request",
                                r.id.toString(), "{\"parts\":" + view.parts().size() + "}")))
                .map(view -> Response.ok(view).header("Cache-Control", "no-store").build());
    }
}
