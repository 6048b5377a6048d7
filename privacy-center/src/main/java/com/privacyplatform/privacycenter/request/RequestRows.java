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

    public Summary summary(RequestSummary r, Words w) {
        return new Summary(r.id().toString(), w.requestType(r.type()), w.requestStatus(r.status()),
                !"COMPLETED".equals(r.status()) && !"DECLINED".equals(r.status()), w.time(r.submittedAt()),
                w.day(r.dueOn()), r.overdue(), w.outcome(r.outcome()));
    }

    public Detail detail(Request r, Words w) {
        List<UUID> partners = new ArrayList<>();
        if (r.partnerIds() != null) {
            partners.addAll(r.partnerIds());
        }
        if (r.tasks() != null) {
            r.tasks().forEach(t -> partners.add(t.partnerId()));
        }
        partners.add(r.onBehalfOfPartnerId());
        names.load(partners);
        List<Progress> tasks = r.tasks() == null ? List.of() : r.tasks().stream().map(t -> progress(t, w)).toList();
        String addressed = r.partnerIds() == null || r.partnerIds().isEmpty() ? w.t("request.everyHolder")
                : String.join(w.t("list.comma"), r.partnerIds().stream().map(id -> names.name(id, w)).toList());
        String extension = r.extension() == null ? null
                : w.t("request.extended", w.day(r.extension().previousDueOn()), r.extension().reason());
        String revocation = r.revocation() == null ? null
                : w.t("request.revocation", r.revocation().confirmed(), r.revocation().consents());
        boolean exportAvailable = r.export() != null && r.export().available();
        String law = r.policy() == null ? ""
                : w.reference("deadline." + r.policy().id() + ".law") != null
                        ? w.reference("deadline." + r.policy().id() + ".law") : r.policy().law();
        return new Detail(r.id().toString(), w.requestType(r.type()), w.requestStatus(r.status()),
                "OPEN".equals(r.status()), "AWAITING_SUBJECT_CONFIRMATION".equals(r.status()),
                w.outcome(r.outcome()), law,
                r.jurisdiction() == null ? "" : vocabulary.jurisdiction(r.jurisdiction(), w), w.time(r.submittedAt()),
                w.day(r.dueOn()), r.overdue(), extension, addressed,
                r.corrections() == null ? List.of() : r.corrections().stream()
                        .map(c -> w.t("request.correction", vocabulary.category(c.field(), w), c.value())).toList(),
                tasks, tasks.stream().filter(Progress::done).count(), revocation, exportAvailable,
                r.export() == null || r.export().expiresAt() == null ? "" : w.time(r.export().expiresAt()),
                "ACCESS".equals(r.type()), w.time(r.completedAt()), r.version(),
                r.onBehalfOfPartnerId() == null ? null : names.name(r.onBehalfOfPartnerId(), w));
    }

    Progress progress(Task t, Words w) {
        boolean recipient = "RECIPIENT".equals(t.kind());
        String who = recipient && t.recipient() != null
                ? w.t("task.forRecipient", names.name(t.partnerId(), w), t.recipient().name())
                : names.name(t.partnerId(), w);
        String what = w.t(recipient ? "task.what.recipient" : "task.what.partner");
        String categories = t.categories() == null ? "" : String.join(w.t("list.comma"),
                t.categories().stream().map(id -> vocabulary.category(id, w)).toList());
        String rejection = t.rejection() == null ? null
                : w.t("task.rejection", vocabulary.legalBasis(t.rejection().legalBasis(), w),
                        t.rejection().explanation()) + (t.rejection().reviewNote() == null ? ""
                                : w.t("task.rejection.approved", t.rejection().reviewNote()));
        return new Progress(who, t.partnerId().toString(), what, categories, w.taskStatus(t.status()),
                "COMPLETED".equals(t.status()) || "REJECTED".equals(t.status()) || "EXEMPT".equals(t.status()),
                recipient && t.dueAt() != null ? w.time(t.dueAt()) : w.day(t.dueOn()), rule(t, w), t.overdue(),
                w.time(t.resolvedAt()), rejection);
    }

    /** Whose law set the task's deadline: the consents' country and its rule; a recipient task's is its own. */
    String rule(Task t, Words w) {
        if ("RECIPIENT".equals(t.kind())) {
            return w.t("task.rule.recipient");
        }
        String rule = deadlines.ruleName(t.policyId(), w);
        if (t.jurisdiction() == null) {
            return rule;
        }
        String country = vocabulary.country(t.jurisdiction(), w);
        return rule.isEmpty() ? country : w.t("task.rule.countryAndRule", country, rule);
    }

    public List<Event> timeline(List<TimelineEntry> entries, Words w) {
        names.load(entries.stream().map(TimelineEntry::partnerId).toList());
        return entries.stream().map(e -> new Event(w.time(e.at()), w.timelineKind(e.kind()),
                e.partnerId() == null ? "" : names.name(e.partnerId(), w), detail(e.kind(), e.detail(), w))).toList();
    }

    /** The entry's facts (ids, dates, counts, enums) in words; ids and nested values are left out. */
    String detail(String kind, JsonNode detail, Words w) {
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
            String word = fact(field.getKey(), value.asText(), task, w);
            if (!word.isEmpty()) {
                parts.add(word);
            }
        }
        return String.join(w.t("list.separator"), parts);
    }

    private String fact(String key, String value, boolean task, Words w) {
        return switch (key) {
            case "type" -> w.requestType(value);
            case "status" -> task ? w.taskStatus(value) : w.requestStatus(value);
            case "outcome" -> w.outcome(value);
            case "late" -> w.t("true".equals(value) ? "fact.late" : "fact.onTime");
            case "kind" -> "RECIPIENT".equals(value) ? w.t("fact.recipient") : "";
            case "origin" -> w.code("fact.origin", value);
            case "legalBasis" -> w.t("fact.legalBasis", vocabulary.legalBasis(value, w));
            default -> w.t("fact.other", w.has("fact.key." + key) ? w.t("fact.key." + key)
                    : Words.humanize(splitCamel(key)).toLowerCase(w.language().locale()), value);
        };
    }

    private static String splitCamel(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2");
    }
}
