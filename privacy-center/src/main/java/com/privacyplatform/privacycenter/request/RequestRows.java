package com.privacyplatform.privacycenter.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.privacycenter.about.DeadlineTable;
import com.privacyplatform.privacycenter.about.Vocabulary;
import com.privacyplatform.privacycenter.backend.PartnerNames;
import com.privacyplatform.privacycenter.backend.RequestViews.Request;
import com.privacyplatform.privacycenter.backend.RequestViews.RequestSummary;
import com.privacyplatform.privacycenter.backend.RequestViews.Task;
import com.privacyplatform.privacycenter.backend.RequestViews.TimelineEntry;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests as the page shows them: status, per-partner progress, due date and timeline in words. */
@ApplicationScoped
public class RequestRows {

    @TemplateData
    public record Summary(String id, String type, String status, boolean open, String submittedAt, String dueOn,
            boolean overdue, String outcome) {
    }

    /**
     * One task; {@code due} is its own deadline (a day, or for a recipient task an hour) and {@code rule}
     * whose law set it: the country of the consents and its law, or "stop sharing at once".
     */
    @TemplateData
    public record Progress(String who, String partnerId, String what, String categories, String status, boolean done,
            String due, String rule, boolean overdue, String resolvedAt, String rejection) {
    }

    @TemplateData
    public record Detail(String id, String type, String status, boolean open, boolean awaitingConfirmation,
            String outcome, String law, String jurisdiction, String submittedAt, String dueOn, boolean overdue,
            String extension, String addressed, List<String> corrections, List<Progress> tasks, long tasksDone,
            String revocation, boolean exportAvailable, String exportExpires, boolean exportRequested,
            String completedAt, long version, String onBehalfOf) {
    }

    @TemplateData
    public record Event(String at, String what, String partner, String detail) {
    }

    private final Vocabulary vocabulary;
    private final PartnerNames names;
    private final DeadlineTable deadlines;

    public RequestRows(Vocabulary vocabulary, PartnerNames names, DeadlineTable deadlines) {
        this.vocabulary = vocabulary;
        this.names = names;
        this.deadlines = deadlines;
    }

    public Summary summary(RequestSummary r) {
        return new Summary(r.id().toString(), Words.requestType(r.type()), Words.requestStatus(r.status()),
                !"COMPLETED".equals(r.status()) && !"DECLINED".equals(r.status()), Words.time(r.submittedAt()),
                Words.day(r.dueOn()), r.overdue(), Words.outcome(r.outcome()));
    }

    public Detail detail(Request r) {
        List<UUID> partners = new ArrayList<>();
        if (r.partnerIds() != null) {
            partners.addAll(r.partnerIds());
        }
        if (r.tasks() != null) {
            r.tasks().forEach(t -> partners.add(t.partnerId()));
        }
        partners.add(r.onBehalfOfPartnerId());
        names.load(partners);
        List<Progress> tasks = r.tasks() == null ? List.of() : r.tasks().stream().map(this::progress).toList();
        String addressed = r.partnerIds() == null || r.partnerIds().isEmpty() ? "Every partner that holds your data"
                : String.join(", ", r.partnerIds().stream().map(names::name).toList());
        String extension = r.extension() == null ? null : "Extended from " + Words.day(r.extension().previousDueOn())
                + ": " + r.extension().reason();
        String revocation = r.revocation() == null ? null
                : r.revocation().confirmed() + " of " + r.revocation().consents() + " consents confirmed revoked";
        boolean exportAvailable = r.export() != null && r.export().available();
        return new Detail(r.id().toString(), Words.requestType(r.type()), Words.requestStatus(r.status()),
                "OPEN".equals(r.status()), "AWAITING_SUBJECT_CONFIRMATION".equals(r.status()),
                Words.outcome(r.outcome()), r.policy() == null ? "" : r.policy().law(),
                r.jurisdiction() == null ? "" : vocabulary.jurisdiction(r.jurisdiction()), Words.time(r.submittedAt()),
                Words.day(r.dueOn()), r.overdue(), extension, addressed,
                r.corrections() == null ? List.of() : r.corrections().stream()
                        .map(c -> vocabulary.category(c.field()) + ": " + c.value()).toList(),
                tasks, tasks.stream().filter(Progress::done).count(), revocation, exportAvailable,
                r.export() == null || r.export().expiresAt() == null ? "" : Words.time(r.export().expiresAt()),
                "ACCESS".equals(r.type()), Words.time(r.completedAt()), r.version(),
                r.onBehalfOfPartnerId() == null ? null : names.name(r.onBehalfOfPartnerId()));
    }

    Progress progress(Task t) {
        boolean recipient = "RECIPIENT".equals(t.kind());
        String who = recipient && t.recipient() != null
                ? names.name(t.partnerId()) + ", for its recipient " + t.recipient().name()
                : names.name(t.partnerId());
        String what = recipient ? "Stop disclosing and tell the recipient to delete" : "Act on your request";
        String categories = t.categories() == null ? "" : String.join(", ",
                t.categories().stream().map(vocabulary::category).toList());
        String rejection = t.rejection() == null ? null : vocabulary.legalBasis(t.rejection().legalBasis()) + ": "
                + t.rejection().explanation();
        return new Progress(who, t.partnerId().toString(), what, categories, Words.taskStatus(t.status()),
                "COMPLETED".equals(t.status()) || "REJECTED".equals(t.status()) || "EXEMPT".equals(t.status()),
                recipient && t.dueAt() != null ? Words.time(t.dueAt()) : Words.day(t.dueOn()), rule(t), t.overdue(),
                Words.time(t.resolvedAt()), rejection);
    }

    /** Whose law set the task's deadline: the consents' country and its rule; a recipient task's is its own. */
    String rule(Task t) {
        if ("RECIPIENT".equals(t.kind())) {
            return "stop sharing at once";
        }
        String rule = deadlines.ruleName(t.policyId());
        if (t.jurisdiction() == null) {
            return rule;
        }
        return vocabulary.country(t.jurisdiction()) + (rule.isEmpty() ? "" : ": " + rule);
    }

    public List<Event> timeline(List<TimelineEntry> entries) {
        names.load(entries.stream().map(TimelineEntry::partnerId).toList());
        return entries.stream().map(e -> new Event(Words.time(e.at()), Words.timelineKind(e.kind()),
                e.partnerId() == null ? "" : names.name(e.partnerId()), detail(e.kind(), e.detail()))).toList();
    }

    /** The entry's facts (ids, dates, counts, enums) in words; ids and nested values are left out. */
    String detail(String kind, JsonNode detail) {
        if (detail == null || !detail.isObject()) {
            return "";
        }
        boolean task = kind != null && kind.startsWith("TASK_");
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = detail.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull() || field.getKey().endsWith("Id")) {
                continue;
            }
            String word = fact(field.getKey(), value.asText(), task);
            if (!word.isEmpty()) {
                parts.add(word);
            }
        }
        return String.join("; ", parts);
    }

    private String fact(String key, String value, boolean task) {
        return switch (key) {
            case "type" -> Words.requestType(value);
            case "status" -> task ? Words.taskStatus(value) : Words.requestStatus(value);
            case "outcome" -> Words.outcome(value);
            case "late" -> "true".equals(value) ? "late" : "on time";
            case "kind" -> "RECIPIENT".equals(value) ? "for a recipient the data was disclosed to" : "";
            case "origin" -> switch (value) {
                case "SUBJECT" -> "made by you";
                case "PARTNER" -> "filed by a partner on your behalf";
                case "TERMINATION" -> "the partner's cooperation ended";
                case "BREACH_ORDER" -> "ordered by the platform after a breach";
                default -> Words.humanize(value);
            };
            case "legalBasis" -> "legal basis: " + vocabulary.legalBasis(value);
            default -> Words.humanize(splitCamel(key)).toLowerCase() + ": " + value;
        };
    }

    private static String splitCamel(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2");
    }
}
