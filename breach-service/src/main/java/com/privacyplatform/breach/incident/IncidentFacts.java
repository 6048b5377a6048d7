package com.privacyplatform.breach.incident;

import java.time.OffsetDateTime;
import java.util.List;

/** The reported facts that severity and notification duties are derived from. */
public record IncidentFacts(IncidentKind kind, OffsetDateTime discoveredAt, List<String> categories,
        Long affectedSubjects, boolean sensitiveDataInvolved, Boolean dataEncrypted, List<String> jurisdictions) {

    public static IncidentFacts of(Incident i) {
        return new IncidentFacts(i.kind, i.discoveredAt, i.categories(), i.affectedSubjects, i.sensitiveData,
                i.dataEncrypted, i.jurisdictions());
    }
}
