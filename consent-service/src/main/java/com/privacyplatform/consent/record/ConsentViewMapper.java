package com.privacyplatform.consent.record;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.masking.Masking;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.consent.record.ConsentViews.ConsentView;
import com.privacyplatform.consent.record.ConsentViews.HistoryView;
import com.privacyplatform.consent.record.ConsentViews.NoticeView;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Builds consent views for the current caller, masking personal values it does not own (3.2.d). */
@RequestScoped
public class ConsentViewMapper {

    private final Caller caller;
    private final RecipientCodec recipients;

    public ConsentViewMapper(Caller caller, RecipientCodec recipients) {
        this.caller = caller;
        this.recipients = recipients;
    }

    public ConsentView view(Consent c) {
        return new ConsentView(c.id, c.subjectId, c.partnerId, c.purpose, List.of(c.categories), c.sensitive,
                c.decision, c.state, c.legalBasis, c.method, Vocabulary.get().isExpress(c.method),
                new NoticeView(c.noticeVersion, c.noticeHash), c.language, c.channel, c.jurisdiction,
                instant(c.collectedAt), instant(c.expiresAt), recipientsFor(c), instant(c.recordedAt),
                instant(c.stateChangedAt), c.version);
    }

    /** The history of {@code c} as this caller may see it. */
    public List<HistoryView> history(Consent c, List<HistoryEntry> entries) {
        boolean owner = caller.ownsValuesOf(c.subjectId, c.partnerId);
        return entries.stream().map(e -> new HistoryView(e.state, e.previousState, e.cause,
                owner ? e.reason : reasonForOthers(e), e.actor, e.actorRole, e.requestId, e.supersededBy,
                instant(e.at))).toList();
    }

    /**
     * 3.2.d: a reason typed by a person (the subject, the partner, a data-subject request) is free text
     * that may carry personal values; viewers other than the owners see it fully masked. Reasons the
     * system wrote (supersession, expiry, termination) are shown.
     */
    @Enforces("3.2.d")
    static String reasonForOthers(HistoryEntry e) {
        return switch (e.cause) {
            case SUBJECT, PARTNER, DSR_REQUEST -> Masking.full(e.reason);
            default -> e.reason;
        };
    }

    /** The recipients as this caller may see them. */
    public List<Recipient> recipientsFor(Consent c) {
        List<Recipient> stored = recipients.fromJson(c.recipients);
        return caller.ownsValuesOf(c.subjectId, c.partnerId) ? stored : masked(stored);
    }

    /** 3.2.d: a person's name and any contact e-mail are masked for viewers other than the owners. */
    @Enforces("3.2.d")
    public static List<Recipient> masked(List<Recipient> stored) {
        return stored.stream().map(r -> new Recipient(
                r.kind() == Recipient.Kind.PERSON ? Masking.full(r.name()) : r.name(), r.country(), r.kind(),
                Masking.email(r.contactEmail()))).toList();
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
