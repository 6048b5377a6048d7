package com.privacyplatform.dsr.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.holding.ConsentHolding;
import com.privacyplatform.dsr.holding.HoldingStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 3.5.d, the pure rules: what is evidence of an express consent to retention, and which bases are honoured. */
class RetentionEvidenceTest {

    static final UUID PARTNER = UUID.fromString("d5a00000-0000-4000-8000-0000000000e1");
    static final String SUBJECT = "subject-e1";
    static final Instant TERMINATED = Instant.parse("2026-11-26T00:00:00Z");

    static ConsentHolding consent(String purpose, String method, HoldingStatus status, String collectedAt,
            String... categories) {
        ConsentHolding h = new ConsentHolding();
        h.consentId = UUID.randomUUID();
        h.partnerId = PARTNER;
        h.subjectId = SUBJECT;
        h.purpose = purpose;
        h.method = method;
        h.status = status;
        h.categories = List.of(categories);
        h.collectedAt = collectedAt == null ? null : OffsetDateTime.parse(collectedAt);
        h.grantedAt = OffsetDateTime.of(2026, 11, 30, 0, 0, 0, 0, ZoneOffset.UTC);
        return h;
    }

    static ConsentHolding retention(String collectedAt) {
        return consent("retention_after_cooperation", "CHECKBOX", HoldingStatus.ACTIVE, collectedAt, "user.name",
                "user.financial.transaction");
    }

    static RetentionBasis basis(String legalBasis, RetentionStatus status, String subject, String category,
            UUID consentId) {
        RetentionBasis b = new RetentionBasis();
        b.id = UUID.randomUUID();
        b.partnerId = PARTNER;
        b.subjectId = subject;
        b.category = category;
        b.legalBasis = legalBasis;
        b.status = status;
        b.consentId = consentId;
        return b;
    }

    @Test
    @Verifies(value = "3.5.d", exercises = "RetentionEvidence#problemWith")
    void onlyTheSubjectsOwnStandingExpressConsentToRetentionGivenBeforeTheTerminationIsEvidence() {
        ConsentHolding good = retention("2026-11-01T00:00:00Z");
        assertThat(RetentionEvidence.problemWith(good, PARTNER, SUBJECT, null, TERMINATED)).isNull();
        assertThat(RetentionEvidence.problemWith(good, PARTNER, SUBJECT, "user.name", null)).isNull();
        assertThat(RetentionEvidence.problemWith(null, PARTNER, SUBJECT, null, null)).contains("no consent");
        assertThat(RetentionEvidence.problemWith(good, UUID.randomUUID(), SUBJECT, null, null)).contains("no consent");
        assertThat(RetentionEvidence.problemWith(good, PARTNER, "someone-else", null, null)).contains("no consent");
        assertThat(RetentionEvidence.problemWith(consent("order_fulfilment", "CHECKBOX", HoldingStatus.ACTIVE,
                "2026-11-01T00:00:00Z", "user.name"), PARTNER, SUBJECT, null, null)).contains("order_fulfilment");
        assertThat(RetentionEvidence.problemWith(consent("retention_after_cooperation", "PRE_TICKED_BOX",
                HoldingStatus.ACTIVE, "2026-11-01T00:00:00Z", "user.name"), PARTNER, SUBJECT, null, null))
                .contains("express");
        assertThat(RetentionEvidence.problemWith(consent("retention_after_cooperation", null, HoldingStatus.ACTIVE,
                "2026-11-01T00:00:00Z", "user.name"), PARTNER, SUBJECT, null, null)).contains("express");
        assertThat(RetentionEvidence.problemWith(consent("retention_after_cooperation", "CLICK", HoldingStatus.REVOKED,
                "2026-11-01T00:00:00Z", "user.name"), PARTNER, SUBJECT, null, null)).contains("REVOKED");
        assertThat(RetentionEvidence.problemWith(good, PARTNER, SUBJECT, "user.health", null)).contains("cover");
        assertThat(RetentionEvidence.problemWith(retention("2026-11-26T00:00:00Z"), PARTNER, SUBJECT, null,
                TERMINATED)).contains("before the termination");
        // without collectedAt, the announcement (after the termination here) counts
        assertThat(RetentionEvidence.problemWith(retention(null), PARTNER, SUBJECT, null, TERMINATED))
                .contains("before the termination");
    }

    @Test
    @Verifies(value = "3.5.d", exercises = "RetentionEvidence#honoured")
    void approvedLegalObligationsAndEvidencedConsentsAreHonouredNothingElse() {
        ConsentHolding consent = retention("2026-11-01T00:00:00Z");
        ConsentHolding late = retention("2026-11-27T00:00:00Z");
        RetentionBasis approved = basis("LEGAL_OBLIGATION", RetentionStatus.APPROVED, null, "user.financial.bank_account",
                null);
        RetentionBasis whole = basis("LEGAL_OBLIGATION", RetentionStatus.APPROVED, SUBJECT, null, null);
        RetentionBasis viaConsent = basis("EXPRESS_CONSENT", RetentionStatus.CONSENT_VERIFIED, SUBJECT, null,
                consent.consentId);
        RetentionBasis narrowed = basis("EXPRESS_CONSENT", RetentionStatus.CONSENT_VERIFIED, SUBJECT, "user.name",
                consent.consentId);
        List<RetentionBasis> ignored = List.of(
                basis("LEGAL_OBLIGATION", RetentionStatus.PENDING_REVIEW, SUBJECT, null, null),
                basis("LEGAL_OBLIGATION", RetentionStatus.REFUSED, SUBJECT, null, null),
                basis("VITAL_INTERESTS", RetentionStatus.LAPSED, SUBJECT, null, null),
                basis("EXPRESS_CONSENT", RetentionStatus.LAPSED, null, "user.name", null),
                basis("EXPRESS_CONSENT", RetentionStatus.CONSENT_VERIFIED, SUBJECT, null, late.consentId),
                basis("EXPRESS_CONSENT", RetentionStatus.CONSENT_VERIFIED, SUBJECT, null, UUID.randomUUID()));
        List<RetentionBasis> all = new ArrayList<>(ignored);
        all.addAll(List.of(approved, whole, viaConsent, narrowed));

        List<Retained> honoured = RetentionEvidence.honoured(all, Map.of(consent.consentId, consent,
                late.consentId, late), TERMINATED);

        assertThat(honoured).extracting(Retained::basisId)
                .containsExactly(approved.id, whole.id, viaConsent.id, narrowed.id);
        assertThat(honoured.get(0).covers("anyone", "user.financial.bank_account")).isTrue();
        assertThat(honoured.get(0).covers("anyone", "user.name")).isFalse();
        assertThat(honoured.get(1).coversWholeSubject(SUBJECT)).isTrue();
        assertThat(honoured.get(2).categories()).isEqualTo(Set.of("user.name", "user.financial.transaction"));
        assertThat(honoured.get(2).coversWholeSubject(SUBJECT)).isFalse();
        assertThat(honoured.get(3).categories()).isEqualTo(Set.of("user.name"));
    }

    @Test
    void aRetentionPeriodIsAPositiveIsoPeriodOfAtMostAHundredYears() {
        assertThat(RetentionBasisService.validPeriod("P10Y")).isTrue();
        assertThat(RetentionBasisService.validPeriod("P6M")).isTrue();
        assertThat(RetentionBasisService.validPeriod("P100Y")).isTrue();
        assertThat(RetentionBasisService.validPeriod("P101Y")).isFalse();
        assertThat(RetentionBasisService.validPeriod("P0D")).isFalse();
        assertThat(RetentionBasisService.validPeriod("P-1Y")).isFalse();
        assertThat(RetentionBasisService.validPeriod("P1Y-3D")).isFalse();
        assertThat(RetentionBasisService.validPeriod("PT5H")).isFalse();
        assertThat(RetentionBasisService.validPeriod("ten years")).isFalse();
    }
}
