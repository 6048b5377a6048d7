package com.privacyplatform.registry.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.events.ReceivedEvent;
import com.privacyplatform.registry.duty.TerminationDuties;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * 4.6: feeds the scorecard from the other services' events - incidents and late reports from
 * breach-service (5.1), overdue request tasks from dsr-service (3.5) - through the inbox, so each
 * event counts once. Rows are keyed by incident / task, so the counts are states, not tallies. The
 * same feed carries dsr-service's {@code dsr.termination-deletion-completed} to the partner's record
 * ({@link TerminationDuties}, 3.5.d).
 */
@ApplicationScoped
public class ScorecardFeed {

    static final String CONSUMER = "partner-registry-service.scorecard";

    private final EventConsumer consumer;
    private final TerminationDuties terminations;

    public ScorecardFeed(EventConsumer consumer, TerminationDuties terminations) {
        this.consumer = consumer;
        this.terminations = terminations;
    }

    @Incoming("scorecard-feed")
    public Uni<Void> onEvent(Message<byte[]> message) {
        return consumer.consume(message, CONSUMER, this::apply);
    }

    @Enforces({"4.6", "5.1"})
    Uni<Void> apply(ReceivedEvent event) {
        JsonNode data = event.data(JsonNode.class);
        return switch (event.type()) {
            case "breach.reported", "breach.updated" -> incident(data, true);
            case "breach.closed" -> incident(data, false);
            case "dsr.overdue" -> data.hasNonNull("taskId") && data.hasNonNull("partnerId")
                    ? task(uuid(data, "taskId"), uuid(data, "partnerId"), true) : Uni.createFrom().voidItem();
            case "dsr.task-completed" -> task(uuid(data, "taskId"), uuid(data, "partnerId"), false);
            case TerminationDuties.EVENT -> terminations.completed(data);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> incident(JsonNode data, boolean open) {
        // a late flag, once seen, stays; a closed incident never reopens through an older update
        return execute("INSERT INTO scorecard_incident (incident_id, partner_id, open, late_report, updated_at)"
                + " VALUES (:id, :partner, :open, :late, now()) ON CONFLICT (incident_id) DO UPDATE SET"
                + " open = scorecard_incident.open AND EXCLUDED.open,"
                + " late_report = scorecard_incident.late_report OR EXCLUDED.late_report, updated_at = now()",
                Map.of("id", uuid(data, "incidentId"), "partner", uuid(data, "partnerId"), "open", open,
                        "late", data.path("lateReport").asBoolean(false)));
    }

    private Uni<Void> task(UUID taskId, UUID partnerId, boolean overdueAndOpen) {
        Map<String, Object> params = Map.of("id", taskId, "partner", partnerId);
        if (overdueAndOpen) {
            return execute("INSERT INTO scorecard_overdue_task (task_id, partner_id, open, updated_at)"
                    + " VALUES (:id, :partner, true, now()) ON CONFLICT (task_id) DO NOTHING", params);
        }
        return execute("UPDATE scorecard_overdue_task SET open = false, updated_at = now()"
                + " WHERE task_id = :id AND partner_id = :partner", params);
    }

    private static Uni<Void> execute(String sql, Map<String, Object> params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            params.forEach(query::setParameter);
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private static UUID uuid(JsonNode data, String field) {
        return UUID.fromString(data.path(field).asText());
    }
}
