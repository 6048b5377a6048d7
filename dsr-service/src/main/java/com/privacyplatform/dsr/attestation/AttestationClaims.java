package com.privacyplatform.dsr.attestation;

import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.retention.RetentionBasis;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.Evidence;
import com.privacyplatform.dsr.task.TaskKind;
import com.privacyplatform.dsr.task.TaskRequests.DeletionStatement;
import com.privacyplatform.dsr.task.TaskRequests.RecipientNotice;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a deletion attestation says (pure): who declared what deletion of whose data, where, when, on
 * which request and task, and which retention basis kept what. It attests the partner's declaration
 * and the platform's record of it - not the deletion itself, which the platform cannot see.
 */
public final class AttestationClaims {

    static final String VERSION = "deletion-attestation/1";
    static final String SCOPE = "This attests that the declarant named here declared to the privacy platform, at"
            + " declaredAt, the deletion (or, for a recipient, the stopped disclosure and the notice to delete)"
            + " described in declaration, and that the platform recorded that declaration as stated. It does not"
            + " attest the deletion itself: the platform neither holds nor inspects the declarant's systems.";
    static final String DELETED = "DELETED";
    static final String DISCLOSURE_STOPPED = "DISCLOSURE_STOPPED_AND_RECIPIENT_NOTIFIED";

    private AttestationClaims() {
    }

    /** The claims besides {@code iss}, {@code sub}, {@code iat}, {@code jti}. */
    static Map<String, Object> of(DsrRequest r, DsrTask t, Evidence e, List<RetentionBasis> bases) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("version", VERSION);
        c.put("attests", "PARTNER_DECLARATION_AND_PLATFORM_RECORD");
        c.put("scope", SCOPE);
        c.put("subjectId", t.subjectId);
        c.put("declarant", declarant(t));
        c.put("declaration", declaration(t, e));
        c.put("categoriesDeleted", List.copyOf(t.categories));
        c.put("purposes", List.copyOf(t.purposes));
        c.put("jurisdictions", List.copyOf(t.jurisdictions));
        c.put("categoriesRetained", List.copyOf(t.retainedCategories));
        c.put("retention", bases.stream().map(b -> retention(b, t)).toList());
        c.put("declaredAt", time(t.resolvedAt));
        c.put("recordedBy", t.resolvedBy);
        c.put("request", request(r, t));
        return c;
    }

    private static Map<String, Object> declarant(DsrTask t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("partnerId", t.partnerId.toString());
        d.put("kind", t.kind.name());
        if (t.kind == TaskKind.RECIPIENT) {
            d.put("recipient", Map.of("name", t.recipientName, "country", t.recipientCountry == null ? ""
                    : t.recipientCountry));
        }
        return d;
    }

    private static Map<String, Object> declaration(DsrTask t, Evidence e) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (t.kind == TaskKind.RECIPIENT) {
            RecipientNotice n = e.notice();
            d.put("type", DISCLOSURE_STOPPED);
            d.put("disclosureStoppedAt", time(n.disclosureStoppedAt()));
            d.put("recipientNotifiedAt", time(n.recipientNotifiedAt()));
            d.put("notifiedBy", n.notifiedBy());
            if (n.reference() != null) {
                d.put("reference", n.reference());
            }
        } else {
            DeletionStatement s = e.deletion();
            d.put("type", DELETED);
            d.put("whatWasDeleted", s.whatWasDeleted());
            d.put("systems", List.copyOf(s.systems()));
            d.put("deletedAt", time(s.deletedAt()));
            d.put("deletedBy", s.deletedBy());
        }
        if (e.note() != null) {
            d.put("note", e.note());
        }
        return d;
    }

    /** 3.5.d: a basis the termination honoured and the categories of this task it kept. */
    private static Map<String, Object> retention(RetentionBasis b, DsrTask t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("retentionBasisId", b.id.toString());
        m.put("legalBasis", b.legalBasis);
        if (b.law != null) {
            m.put("law", b.law);
        }
        if (b.retentionPeriod != null) {
            m.put("retentionPeriod", b.retentionPeriod);
        }
        if (b.consentId != null) {
            m.put("consentId", b.consentId.toString());
        }
        m.put("status", b.status.name());
        m.put("categoriesKept", b.category == null ? List.copyOf(t.retainedCategories)
                : t.retainedCategories.stream().filter(b.category::equals).toList());
        return m;
    }

    private static Map<String, Object> request(DsrRequest r, DsrTask t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", r.id.toString());
        m.put("taskId", t.id.toString());
        m.put("type", r.type.name());
        m.put("origin", r.origin.name());
        m.put("receivedAt", time(r.receivedAt != null ? r.receivedAt : r.submittedAt));
        return m;
    }

    static String time(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
    }
}
