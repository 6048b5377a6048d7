package com.privacyplatform.breach.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.breach.incident.IncidentService;
import com.privacyplatform.breach.text.FreeText;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The incident's one ordered timeline: every fact, decision, notification and measure. */
@Path("/incidents/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class TimelineResource {

    private final IncidentService incidents;
    private final FreeText text;
    private final ObjectMapper mapper;

    public TimelineResource(IncidentService incidents, FreeText text, ObjectMapper mapper) {
        this.incidents = incidents;
        this.text = text;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "The incident's timeline in order; keyset pages (limit 1-500, cursor)")
    public Uni<Page<TimelineView>> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        long after = Cursors.decodeLong(cursor, 0L);
        return incidents.load(id).chain(i -> TimelineEntry.<TimelineEntry>find(
                        "incidentId = ?1 and seq > ?2 order by seq", i.id, after).range(0, size).list()
                .map(list -> Cursors.page(list, size, e -> Long.toString(e.seq)))
                .map(page -> page.map(e -> view(e, i.partnerId))));
    }

    private TimelineView view(TimelineEntry e, UUID partnerId) {
        return new TimelineView(e.seq, e.id, e.recordedAt.toInstant(), e.category, e.kind, e.actor, e.actorRole,
                e.summary, text.show(e.note, partnerId), json(e.data));
    }

    private JsonNode json(String data) {
        try {
            return data == null ? null : mapper.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored timeline data unreadable", e);
        }
    }
}
