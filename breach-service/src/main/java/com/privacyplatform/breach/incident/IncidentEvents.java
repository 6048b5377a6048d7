package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.assessment.Severity;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Incident events (CloudEvents {@code data}, subject = incident id): ids and facts, never the
 * description or other free text. {@code partnerId}, {@code kind}, {@code severity} and
 * {@code lateReport} on reported/closed let the registry count open and late-reported incidents
 * for the partner's scorecard (4.6).
 */
@RegisterForReflection(targets = {IncidentEvents.Reported.class, IncidentEvents.Updated.class,
        IncidentEvents.Closed.class})
public final class IncidentEvents {

    public static final String REPORTED = "breach.reported";
    public static final String UPDATED = "breach.updated";
    public static final String CLOSED = "breach.closed";

    private IncidentEvents() {
    }

    public record Reported(UUID incidentId, UUID partnerId, IncidentKind kind, Severity severity, boolean lateReport,
            Instant discoveredAt, Instant reportedAt, String reportDelay, List<String> categories,
            Long affectedSubjects, List<String> jurisdictions) {
    }

    /** A phased update by the partner, or an officer's severity override ({@code changed} names the fields). */
    public record Updated(UUID incidentId, UUID partnerId, IncidentKind kind, Severity severity, boolean lateReport,
            List<String> changed, int updates, Instant at) {
    }

    public record Closed(UUID incidentId, UUID partnerId, IncidentKind kind, Severity severity, boolean lateReport,
            Instant reportedAt, Instant closedAt) {
    }
}
