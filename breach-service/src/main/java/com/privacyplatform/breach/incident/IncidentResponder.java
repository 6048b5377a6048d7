package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.duty.DutyRepository;
import com.privacyplatform.breach.incident.IncidentViews.DutySummary;
import com.privacyplatform.breach.incident.IncidentViews.IncidentView;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
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
        return views(List.of(incident)).map(v -> Versions.ok(v.get(0), incident.version));
    }

    /** What {@link Changes#create} answers for a new incident. */
    public Uni<Changes.Created> created(Incident incident) {
        return views(List.of(incident)).map(v -> new Changes.Created(incident.id, v.get(0), incident.version));
    }
}
