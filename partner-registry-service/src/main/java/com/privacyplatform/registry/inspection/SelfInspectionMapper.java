package com.privacyplatform.registry.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.registry.inspection.SelfInspectionRequests.SubmitRequest;
import com.privacyplatform.registry.inspection.SelfInspectionViews.ChecklistItemView;
import com.privacyplatform.registry.inspection.SelfInspectionViews.FindingView;
import com.privacyplatform.registry.inspection.SelfInspectionViews.SelfInspectionView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Converts between the report's JSON content column and its views. */
@ApplicationScoped
public class SelfInspectionMapper {

    /** The stored JSON shape of a report's content. */
    @RegisterForReflection
    public record Content(List<ChecklistItemView> checklist, List<FindingView> findings) {
    }

    private final ObjectMapper mapper;
    private final InspectionDueQueries due;

    public SelfInspectionMapper(ObjectMapper mapper, InspectionDueQueries due) {
        this.mapper = mapper;
        this.due = due;
    }

    /** Fills the report's content from the request. */
    void fill(SelfInspection inspection, SubmitRequest request) {
        inspection.content = write(new Content(request.checklist().stream()
                .map(i -> new ChecklistItemView(i.area(), i.item().strip(), i.result(), strip(i.note()))).toList(),
                request.findingsOrEmpty().stream()
                        .map(f -> new FindingView(f.description().strip(), f.rectification().strip(), f.dueOn()))
                        .toList()));
        inspection.summary = strip(request.summary());
        inspection.failedItems = (int) request.checklist().stream()
                .filter(i -> i.result() == ChecklistResult.FAIL).count();
    }

    public SelfInspectionView view(SelfInspection i) {
        Content content = read(i.content);
        return new SelfInspectionView(i.id, i.partnerId, i.periodStart, i.periodEnd, content.checklist(),
                content.findings(), i.summary, i.failedItems, i.periodEnd.plusMonths(due.intervalMonths()),
                i.submittedBy, i.submittedAt.toInstant(), i.version);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the self-inspection report", e);
        }
    }

    private Content read(String json) {
        try {
            return mapper.readValue(json, Content.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored self-inspection report is unreadable", e);
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
