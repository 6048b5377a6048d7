package com.privacyplatform.dsr.retention;

import java.util.Set;
import java.util.UUID;

/**
 * What an honoured retention basis keeps from deletion at termination (3.5.d).
 *
 * @param subjectId  null: every subject (a category-wide legal obligation)
 * @param categories null: every category of the subject
 */
public record Retained(UUID basisId, UUID partnerId, String subjectId, Set<String> categories) {

    public boolean covers(String subject, String category) {
        return (subjectId == null || subjectId.equals(subject)) && (categories == null || categories.contains(category));
    }

    public boolean coversWholeSubject(String subject) {
        return subject.equals(subjectId) && categories == null;
    }
}
