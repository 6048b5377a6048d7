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

    public List<PartnerGroup> byPartner(List<Consent> consents, Words w) {
        names.load(consents.stream().map(Consent::partnerId).toList());
        Map<UUID, List<Row>> groups = new LinkedHashMap<>();
        consents.stream().sorted(Comparator.comparing(Consent::partnerId)
                        .thenComparing(Consent::recordedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(c -> groups.computeIfAbsent(c.partnerId(), k -> new ArrayList<>()).add(row(c, w)));
        return groups.entrySet().stream().map(e -> new PartnerGroup(names.name(e.getKey(), w), e.getKey().toString(),
                e.getValue().stream().filter(Row::current).toList(),
                e.getValue().stream().filter(r -> !r.current()).toList(),
                e.getValue().stream().filter(Row::active).count())).toList();
    }

    public Row row(Consent c, Words w) {
        String how = vocabulary.method(c.method(), w) + (c.expressMethod() ? w.t("consent.express") : "")
                + (c.channel() == null ? "" : w.t("list.comma") + w.channel(c.channel()));
        return new Row(c.id().toString(), names.name(c.partnerId(), w), c.partnerId().toString(),
                vocabulary.purpose(c.purpose(), w), vocabulary.purposeDescription(c.purpose(), w),
                c.categories() == null ? List.of() : c.categories().stream().map(id -> vocabulary.category(id, w))
                        .toList(),
                c.sensitive(), w.consentState(c.decision(), c.state()), "GRANTED".equals(c.state()),
                c.notice() == null ? "" : c.notice().version(), c.notice() == null ? "" : c.notice().textHash(),
                w.time(c.collectedAt()), how, vocabulary.legalBasis(c.legalBasis(), w),
                c.expiresAt() == null ? w.t("consent.noExpiry") : w.time(c.expiresAt()),
                c.recipients() == null ? List.of() : c.recipients().stream().map(r -> recipient(r, w)).toList(),
                vocabulary.jurisdiction(c.jurisdiction(), w), c.language(), c.version(),
                "GRANTED".equals(c.state()) || "REFUSED".equals(c.state()));
    }

    public List<Change> history(List<HistoryEntry> entries, Words w) {
        return entries.stream().map(e -> new Change(w.time(e.at()), w.consentState(null, e.state()),
                w.code("consent.cause", e.cause()), e.reason() == null ? "" : e.reason())).toList();
    }

    /** The subject's own consent: recipients are shown as recorded (they are not another person's values). */
    static String recipient(Recipient r, Words w) {
        String kind = w.t("PERSON".equals(r.kind()) ? "recipient.person" : "recipient.organisation");
        return r.country() == null ? w.t("recipient.named", r.name(), kind)
                : w.t("recipient.namedIn", r.name(), kind, r.country());
    }
}
