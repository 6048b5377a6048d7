package com.privacyplatform.registry.inspection;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.inspection.SelfInspectionRequests.FindingRequest;
import com.privacyplatform.registry.inspection.SelfInspectionRequests.SubmitRequest;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.partner.PartnerService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** 3.4.e: accepts a partner's annual self-inspection report with its rectification scheme. */
@ApplicationScoped
public class SelfInspectionService {

    private final PartnerService partners;
    private final SelfInspectionRepository inspections;
    private final SelfInspectionMapper mapper;
    private final AuditTrail audit;
    private final Caller caller;
    private final PlatformClock clock;

    public SelfInspectionService(PartnerService partners, SelfInspectionRepository inspections,
            SelfInspectionMapper mapper, AuditTrail audit, Caller caller, PlatformClock clock) {
        this.partners = partners;
        this.inspections = inspections;
        this.mapper = mapper;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** Call inside a transaction. */
    @Enforces("3.4.e")
    public Uni<SelfInspection> submit(UUID partnerId, SubmitRequest request) {
        requireConsistentDates(request);
        requireFullScope(request);
        requireRectificationScheme(request);
        return partners.load(partnerId).chain(p -> {
            PartnerService.requireOpenDuties(p); // 3.5.d: also a terminated partner with deletions open
            return inspections.overlaps(p.id, request.periodStart(), request.periodEnd()).chain(overlap -> {
                if (overlap) {
                    throw ProblemException.conflict("a self-inspection of this partner already covers part of "
                            + request.periodStart() + ".." + request.periodEnd());
                }
                return persist(p, request);
            });
        });
    }

    private Uni<SelfInspection> persist(Partner p, SubmitRequest request) {
        SelfInspection inspection = new SelfInspection();
        inspection.id = Ids.newId();
        inspection.partnerId = p.id;
        inspection.periodStart = request.periodStart();
        inspection.periodEnd = request.periodEnd();
        mapper.fill(inspection, request);
        inspection.submittedBy = caller.auditActor().actor();
        inspection.submittedAt = clock.now();
        String details = "{\"partnerId\":\"" + p.id + "\",\"periodEnd\":\"" + inspection.periodEnd
                + "\",\"failedItems\":" + inspection.failedItems + ",\"findings\":"
                + request.findingsOrEmpty().size() + "}";
        return inspections.persist(inspection)
                .call(() -> audit.record(caller.auditActor(), "self-inspection.submitted", "self-inspection",
                        inspection.id.toString(), details))
                .call(inspections::flush);
    }

    private void requireConsistentDates(SubmitRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate today = clock.today();
        if (request.periodEnd().isBefore(request.periodStart())) {
            errors.add(new Problem.FieldError("periodEnd", "must not be before periodStart"));
        }
        if (request.periodEnd().isAfter(today)) {
            errors.add(new Problem.FieldError("periodEnd", "must not be in the future: report an ended period"));
        }
        List<FindingRequest> findings = request.findingsOrEmpty();
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).dueOn().isBefore(request.periodEnd())) {
                errors.add(new Problem.FieldError("findings[" + i + "].dueOn", "must not be before periodEnd"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the report's dates are inconsistent", errors);
        }
    }

    /** 3.4.e: the inspection covers information systems security and the implementation of requirements. */
    @Enforces("3.4.e")
    static void requireFullScope(SubmitRequest request) {
        Set<InspectionArea> missing = EnumSet.allOf(InspectionArea.class);
        request.checklist().forEach(item -> missing.remove(item.area()));
        if (!missing.isEmpty()) {
            throw ProblemException.policy("3.4.e", "inspection-scope-incomplete", "Self-inspection scope incomplete",
                    "the checklist must cover " + missing + " as well",
                    List.of(new Problem.FieldError("checklist", "no item for " + missing)));
        }
    }

    /** 3.4.e: conditions that fail the requirements need a rectification scheme. */
    @Enforces("3.4.e")
    static void requireRectificationScheme(SubmitRequest request) {
        boolean failed = request.checklist().stream().anyMatch(i -> i.result() == ChecklistResult.FAIL);
        if (failed && request.findingsOrEmpty().isEmpty()) {
            throw ProblemException.policy("3.4.e", "rectification-scheme-required", "Rectification scheme required",
                    "failed checklist items need findings with a rectification and its due date",
                    List.of(new Problem.FieldError("findings", "required when a checklist item FAILed")));
        }
    }
}
