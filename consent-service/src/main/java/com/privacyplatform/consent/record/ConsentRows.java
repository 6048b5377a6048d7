package com.privacyplatform.consent.record;

import com.privacyplatform.commons.db.JointInsert;

/**
 * A new decision and its history entry as rows of one {@link JointInsert} statement with their
 * event and audit record (the write path of {@code POST /consents}, issue 16.1): the same columns as
 * the entities {@link Consent} and {@link HistoryEntry}, which read them back and change a
 * decision's state later; a test holds the column lists against the tables.
 */
final class ConsentRows {

    static final String CONSENT = "(id, subject_id, partner_id, purpose, categories, sensitive, decision, state,"
            + " legal_basis, method, notice_version, notice_hash, language, channel, jurisdiction, collected_at,"
            + " expires_at, recipients, recorded_at, state_changed_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(CAST(? AS text) AS jsonb), ?, ?, 0)";

    static final String HISTORY = "(id, consent_id, state, previous_state, cause, reason, actor, actor_role,"
            + " request_id, superseded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private ConsentRows() {
    }

    /** {@code c} as inserted (version 0, as Hibernate's first insert writes it). */
    static JointInsert.Part consent(Consent c) {
        return new JointInsert.Part("consent", CONSENT, c.id, c.subjectId, c.partnerId, c.purpose, c.categories,
                c.sensitive, c.decision.name(), c.state.name(), c.legalBasis, c.method, c.noticeVersion, c.noticeHash,
                c.language, c.channel.name(), c.jurisdiction, c.collectedAt, c.expiresAt, c.recipients, c.recordedAt,
                c.stateChangedAt);
    }

    static JointInsert.Part history(HistoryEntry e) {
        return new JointInsert.Part("consent_history", HISTORY, e.id, e.consentId, e.state.name(),
                e.previousState == null ? null : e.previousState.name(), e.cause.name(), e.reason, e.actor,
                e.actorRole, e.requestId, e.supersededBy, e.at);
    }
}
