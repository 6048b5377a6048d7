package com.privacyplatform.dsr.task;

import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.task.TaskRepository.TaskFilter;
import com.privacyplatform.dsr.task.TaskViews.TaskView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner's work queue (3.5.a-c): its own tasks only. */
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
@RolesAllowed(Roles.PARTNER)
public class TaskResource {

    private final TaskService service;
    private final TaskRepository tasks;
    private final TaskViewMapper views;
    private final Caller caller;
    private final PlatformClock clock;

    public TaskResource(TaskService service, TaskRepository tasks, TaskViewMapper views, Caller caller,
            PlatformClock clock) {
        this.service = service;
        this.tasks = tasks;
        this.views = views;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "The partner's own tasks, earliest due first; filter by status, type, request, overdue")
    public Uni<Page<TaskView>> list(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("requestId") String requestId, @QueryParam("overdue") String overdue,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        UUID partner = caller.requirePartnerId();
        int size = Cursors.limit(limit);
        TaskFilter filter = new TaskFilter(QueryParams.enumOf("status", status, TaskStatus.class),
                QueryParams.enumOf("type", type, RequestType.class), QueryParams.uuid("requestId", requestId),
                QueryParams.bool("overdue", overdue), clock.now());
        Cursors.DateAndId after = Cursors.decodeDateAndId(cursor);
        return tasks.queue(partner, filter, after == null ? null : after.on(), after == null ? null : after.id(),
                        size + 1)
                .map(list -> Cursors.page(list, size, t -> Cursors.dateAndId(t.dueOn, t.id)))
                .map(page -> page.map(t -> views.view(t, null, null)));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One of the partner's tasks, with the values to act on in clear")
    @APIResponseSchema(value = TaskView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.load(id).chain(this::ok);
    }

    private Uni<Response> ok(DsrTask t) {
        return service.view(t).map(view -> Versions.ok(view, t.version));
    }
}
