package com.privacyplatform.privacycenter.consent;

import com.privacyplatform.privacycenter.about.Vocabulary;
import com.privacyplatform.privacycenter.backend.ConsentViews.Consent;
import com.privacyplatform.privacycenter.backend.ConsentViews.HistoryEntry;
import com.privacyplatform.privacycenter.backend.ConsentViews.Recipient;
import com.privacyplatform.privacycenter.backend.PartnerNames;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Consents as the page shows them: per partner, in words, with everything 1.1 and 3.3.a ask for. */
@ApplicationScoped
public class ConsentRows {

    @TemplateData
    public record Row(String id, String partner, String partnerId, String purpose, String purposeDescription,
            List<String> categories, boolean sensitive, String status, boolean active, String noticeVersion,
            String noticeHash, String givenAt, String how, String legalBasis, String expires,
            List<String> recipients, String jurisdiction, String language, long version, boolean current) {
    }

    /** One partner's decisions: the current ones first, the ended ones (revoked, expired, replaced) apart. */
    @TemplateData
    public record PartnerGroup(String partner, String partnerId, List<Row> current, List<Row> earlier, long active) {
    }

    @TemplateData
    public record Change(String at, String status, String by, String reason) {
    }

    private final Vocabulary vocabulary;
    private final PartnerNames names;

    public ConsentRows(Vocabulary vocabulary, PartnerNames names) {
        this.vocabulary = vocabulary;
        this.names = names;
    }

    public List<PartnerGroup> byPartner(List<Consent> consents) {
        names.load(consents.stream().map(Consent::partnerId).toList());
        Map<UUID, List<Row>> groups = new LinkedHashMap<>();
        consents.stream().sorted(Comparator.comparing(Consent::partnerId)
                        .thenComparing(Consent::recordedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(c -> groups.computeIfAbsent(c.partnerId(), k -> new ArrayList<>()).add(row(c)));
        return groups.entrySet().stream().map(e -> new PartnerGroup(names.name(e.getKey()), e.getKey().toString(),
                e.getValue().stream().filter(Row::current).toList(),
                e.getValue().stream().filter(r -> !r.current()).toList(),
                e.getValue().stream().filter(Row::active).count())).toList();
    }

    public Row row(Consent c) {
        String how = vocabulary.method(c.method()) + (c.expressMethod() ? " (express consent)" : "")
                + (c.channel() == null ? "" : ", " + Words.channel(c.channel()));
        return new Row(c.id().toString(), names.name(c.partnerId()), c.partnerId().toString(),
                vocabulary.purpose(c.purpose()), vocabulary.purposeDescription(c.purpose()),
                c.categories() == null ? List.of() : c.categories().stream().map(vocabulary::category).toList(),
                c.sensitive(), Words.consentState(c.decision(), c.state()), "GRANTED".equals(c.state()),
                c.notice() == null ? "" : c.notice().version(), c.notice() == null ? "" : c.notice().textHash(),
                Words.time(c.collectedAt()), how, vocabulary.legalBasis(c.legalBasis()),
                c.expiresAt() == null ? "No expiry date" : Words.time(c.expiresAt()),
                c.recipients() == null ? List.of() : c.recipients().stream().map(ConsentRows::recipient).toList(),
                vocabulary.jurisdiction(c.jurisdiction()), c.language(), c.version(), "GRANTED".equals(c.state()) || "REFUSED".equals(c.state()));
    }

    public List<Change> history(List<HistoryEntry> entries) {
        return entries.stream().map(e -> new Change(Words.time(e.at()), Words.consentState(null, e.state()),
                by(e), e.reason() == null ? "" : e.reason())).toList();
    }

    private static String by(HistoryEntry e) {
        return switch (e.cause() == null ? "" : e.cause()) {
            case "RECORDED" -> "the partner, recording your decision";
            case "IMPORTED" -> "the platform's compliance officer, bringing in a decision you gave earlier";
            case "SUBJECT" -> "you";
            case "PARTNER" -> "the partner";
            case "DSR_REQUEST" -> "your request";
            case "PARTNER_TERMINATED" -> "the platform (partner terminated)";
            case "EXPIRY" -> "expiry";
            case "SUPERSEDED" -> "a newer decision";
            default -> Words.humanize(e.cause());
        };
    }

    /** The subject's own consent: recipients are shown as recorded (they are not another person's values). */
    static String recipient(Recipient r) {
        String kind = "PERSON".equals(r.kind()) ? "person" : "organisation";
        return r.name() + " (" + kind + (r.country() == null ? "" : ", " + r.country()) + ")";
    }
}
