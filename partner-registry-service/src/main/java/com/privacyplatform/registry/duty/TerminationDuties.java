package com.privacyplatform.registry.duty;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * 3.5.d: records on the partner that the deletion work of its termination is complete (dsr-service's
 * {@code dsr.termination-deletion-completed}, through the inbox of the registry's event feed). The
 * partner view and the snapshot show it ({@code terminationDeletionCompletedAt}); until then a
 * TERMINATED partner keeps its duty routes and its duty endpoints here (security officer,
 * self-inspections). Set once: a repeated event changes nothing.
 */
@ApplicationScoped
public class TerminationDuties {

    public static final String EVENT = "dsr.termination-deletion-completed";
    private static final AuditActor DSR = AuditActor.system("dsr-service");
    private static final Logger LOG = Logger.getLogger(TerminationDuties.class);

    private final AuditTrail audit;

    public TerminationDuties(AuditTrail audit) {
        this.audit = audit;
    }

    /** Call inside the consumer's transaction. */
    @Enforces(value = "3.5.d", note = "the end of a terminated partner's deletion duties is recorded on the partner")
    public Uni<Void> completed(JsonNode data) {
        UUID partnerId = UUID.fromString(data.path("partnerId").asText());
        Instant at = Instant.parse(data.path("completedAt").asText());
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE partner SET"
                        + " termination_deletion_completed_at = :at WHERE id = :id AND status = 'TERMINATED'"
                        + " AND termination_deletion_completed_at IS NULL")
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("id", partnerId).executeUpdate())
                .chain(updated -> {
                    if (updated == 0) {
                        LOG.infof("termination deletion of partner %s: already recorded, or no terminated partner",
                                partnerId);
                        return Uni.createFrom().voidItem();
                    }
                    return audit.record(DSR, "partner.termination-deletion-completed", "partner",
                            partnerId.toString(), "{\"completedAt\":\"" + at + "\",\"requests\":"
                                    + data.path("requests").asInt(0) + "}").replaceWithVoid();
                });
    }
}
