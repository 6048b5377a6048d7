package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.duty.DutyRepository;
import com.privacyplatform.breach.incident.IncidentViews.DutySummary;
import com.privacyplatform.breach.incident.IncidentViews.IncidentView;
import com.privacyplatform.commons.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds incident views with their duty summaries (one query per page) and the ETag. */
@RequestScoped
public class IncidentResponder {

    private final IncidentViewMapper mapper;
    private final DutyRepository duties;
    private final PlatformClock clock;

    public IncidentResponder(IncidentViewMapper mapper, DutyRepository duties, PlatformClock clock) {
        this.mapper = mapper;
        this.duties = duties;
        this.clock = clock;
    }

    public Uni<List<IncidentView>> views(List<Incident> incidents) {
        return duties.summaries(incidents.stream().map(i -> i.id).toList(), clock.now())
                .map(summaries -> incidents.stream()
                        .map(i -> mapper.view(i, summaries.getOrDefault(i.id, DutySummary.NONE))).toList());
    }

    public Uni<Response> ok(Incident incident) {
        return views(List.of(incident)).map(v -> Response.ok(v.get(0)).tag(etag(incident)).build());
    }

    public Uni<Response> created(Incident incident) {
        return views(List.of(incident)).map(v -> Response.created(java.net.URI.create("/incidents/" + incident.id))
                .entity(v.get(0)).tag(etag(incident)).build());
    }

    public static EntityTag etag(Incident i) {
        return new EntityTag(Long.toString(i.version));
    }
}
