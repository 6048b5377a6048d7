package com.privacyplatform.privacycenter.picture;

import com.privacyplatform.privacycenter.about.Vocabulary;
import com.privacyplatform.privacycenter.backend.ConsentViews.Consent;
import com.privacyplatform.privacycenter.backend.PartnerNames;
import com.privacyplatform.privacycenter.backend.RequestViews.Attestation;
import com.privacyplatform.privacycenter.backend.RequestViews.Request;
import com.privacyplatform.privacycenter.backend.RequestViews.Task;
import com.privacyplatform.privacycenter.picture.PictureSources.Gathered;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The person's whole picture in words, per partner: what they consented to, what it did with their requests. */
@ApplicationScoped
public class PictureRows {

    @TemplateData
    public record ConsentLine(String id, String purpose, String categories, String state, boolean active, String given,
            String receipt) {
    }

    @TemplateData
    public record Proof(String id, String requestId, String issuedAt, String jws) {
    }

    @TemplateData
    public record TaskLine(String requestId, String request, String submittedAt, String what, String categories,
            String status, String resolvedAt, String rejection, List<Proof> proofs) {
    }

    @TemplateData
    public record PartnerPicture(String partner, String partnerId, List<ConsentLine> consents, List<TaskLine> tasks) {
    }

    private final Vocabulary vocabulary;
    private final PartnerNames names;

    public PictureRows(Vocabulary vocabulary, PartnerNames names) {
        this.vocabulary = vocabulary;
        this.names = names;
    }

    public List<PartnerPicture> byPartner(Gathered g, Words w) {
        Set<UUID> partners = new LinkedHashSet<>();
        g.consents().forEach(c -> partners.add(c.partnerId()));
        g.requests().forEach(r -> tasks(r).forEach(t -> partners.add(t.partnerId())));
        names.load(partners);
        List<PartnerPicture> out = new ArrayList<>();
        for (UUID partner : partners) {
            List<ConsentLine> consents = g.consents().stream().filter(c -> c.partnerId().equals(partner))
                    .map(c -> consent(c, g.receipts().get(c.id()), w)).toList();
            List<TaskLine> tasks = new ArrayList<>();
            for (Request r : g.requests()) {
                for (Task t : tasks(r)) {
                    if (t.partnerId().equals(partner)) {
                        tasks.add(task(r, t, g.attestations().getOrDefault(r.id(), List.of()), w));
                    }
                }
            }
            out.add(new PartnerPicture(names.name(partner, w), partner.toString(), consents, tasks));
        }
        out.sort((a, b) -> a.partner().compareToIgnoreCase(b.partner()));
        return out;
    }

    /** How many signed documents (receipts and attestations) the download carries. */
    public static long documents(Gathered g) {
        return g.receipts().size() + g.attestations().values().stream().mapToLong(List::size).sum();
    }

    static List<Task> tasks(Request r) {
        return r.tasks() == null ? List.of() : r.tasks();
    }

    private ConsentLine consent(Consent c, String receipt, Words w) {
        String categories = c.categories() == null ? "" : String.join(w.t("list.comma"),
                c.categories().stream().map(id -> vocabulary.category(id, w)).toList());
        return new ConsentLine(c.id().toString(), vocabulary.purpose(c.purpose(), w), categories,
                w.consentState(c.decision(), c.state()), "GRANTED".equals(c.state()), w.time(c.collectedAt()),
                receipt == null ? "" : receipt);
    }

    private TaskLine task(Request r, Task t, List<Attestation> attestations, Words w) {
        boolean recipient = "RECIPIENT".equals(t.kind());
        String what = recipient && t.recipient() != null ? w.t("picture.task.recipient", t.recipient().name())
                : w.t(recipient ? "task.what.recipient" : "task.what.partner");
        String categories = t.categories() == null ? "" : String.join(w.t("list.comma"),
                t.categories().stream().map(id -> vocabulary.category(id, w)).toList());
        String rejection = t.rejection() == null ? null : w.t("task.rejection",
                vocabulary.legalBasis(t.rejection().legalBasis(), w), t.rejection().explanation());
        List<Proof> proofs = attestations.stream().filter(a -> Objects.equals(a.taskId(), t.id()))
                .map(a -> new Proof(a.id().toString(), r.id().toString(), w.time(a.issuedAt()), a.attestation()))
                .toList();
        return new TaskLine(r.id().toString(), w.requestType(r.type()), w.time(r.submittedAt()), what, categories,
                w.taskStatus(t.status()), w.time(t.resolvedAt()), rejection, proofs);
    }

    /** The download as data: the services' own records (codes, not words) and every signed document in full. */
    public Map<String, Object> document(Gathered g, String subjectId, String generatedAt, Words w) {
        Set<UUID> partners = new LinkedHashSet<>();
        g.consents().forEach(c -> partners.add(c.partnerId()));
        g.requests().forEach(r -> tasks(r).forEach(t -> partners.add(t.partnerId())));
        names.load(partners);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "privacy-platform/whole-picture-1");
        doc.put("subjectId", subjectId);
        doc.put("generatedAt", generatedAt);
        doc.put("complete", !g.truncated());
        doc.put("about", w.t("picture.file.about"));
        doc.put("verification", Map.of(
                "consentReceipts", "JWS (typ consent-receipt+jwt); keys: /api/.well-known/jwks.json",
                "deletionAttestations", "JWS (typ deletion-attestation+jwt); keys: /api/deletion-attestations/jwks.json;"
                        + " an attestation attests the partner's declaration and the platform's record of it, not the"
                        + " deletion itself"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (UUID partner : partners) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("partnerId", partner.toString());
            p.put("partnerName", names.name(partner, w));
            p.put("consents", g.consents().stream().filter(c -> c.partnerId().equals(partner))
                    .map(c -> consentData(c, g.receipts().get(c.id()))).toList());
            List<Map<String, Object>> requests = new ArrayList<>();
            for (Request r : g.requests()) {
                for (Task t : tasks(r)) {
                    if (t.partnerId().equals(partner)) {
                        requests.add(taskData(r, t, g.attestations().getOrDefault(r.id(), List.of())));
                    }
                }
            }
            p.put("requests", requests);
            list.add(p);
        }
        doc.put("partners", list);
        return doc;
    }

    private static Map<String, Object> consentData(Consent c, String receipt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("consentId", c.id().toString());
        m.put("purpose", c.purpose());
        m.put("categories", c.categories());
        m.put("decision", c.decision());
        m.put("state", c.state());
        m.put("legalBasis", c.legalBasis());
        m.put("method", c.method());
        m.put("jurisdiction", c.jurisdiction());
        m.put("collectedAt", Objects.toString(c.collectedAt(), null));
        m.put("expiresAt", Objects.toString(c.expiresAt(), null));
        m.put("stateChangedAt", Objects.toString(c.stateChangedAt(), null));
        m.put("receipt", receipt);
        return m;
    }

    private static Map<String, Object> taskData(Request r, Task t, List<Attestation> attestations) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", r.id().toString());
        m.put("type", r.type());
        m.put("requestStatus", r.status());
        m.put("outcome", r.outcome());
        m.put("submittedAt", Objects.toString(r.submittedAt(), null));
        m.put("completedAt", Objects.toString(r.completedAt(), null));
        m.put("taskId", t.id().toString());
        m.put("kind", t.kind());
        if (t.recipient() != null) {
            m.put("recipient", t.recipient().name());
        }
        m.put("categories", t.categories());
        m.put("retainedCategories", t.retainedCategories());
        m.put("status", t.status());
        m.put("resolvedAt", Objects.toString(t.resolvedAt(), null));
        m.put("late", t.late());
        if (t.rejection() != null) {
            m.put("rejection", Map.of("legalBasis", String.valueOf(t.rejection().legalBasis()), "explanation",
                    String.valueOf(t.rejection().explanation())));
        }
        m.put("attestations", attestations.stream().filter(a -> Objects.equals(a.taskId(), t.id()))
                .map(a -> Map.of("attestationId", a.id().toString(), "issuedAt", a.issuedAt().toString(),
                        "attestation", a.attestation())).toList());
        return m;
    }
}
