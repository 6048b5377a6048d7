package com.privacyplatform.dsr.task;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.dsr.request.CorrectionSeal;
import com.privacyplatform.dsr.request.RequestOrigin;
import com.privacyplatform.dsr.request.RequestRepository;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.retention.RetentionBasisRepository;
import com.privacyplatform.dsr.task.TaskRequests.CompletionRequest;
import com.privacyplatform.dsr.task.TaskRequests.RejectionRequest;
import com.privacyplatform.dsr.task.TaskViews.TaskView;
import com.privacyplatform.dsr.workflow.TaskWork;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The partner's side of tasks: only its own (another partner's task is 404), with the right evidence. */
@ApplicationScoped
public class TaskService {

    /** The subject's request overrides consent: refusing it needs another basis. */
    static final Set<String> NOT_A_REFUSAL_BASIS = Set.of("CONSENT", "EXPRESS_CONSENT");
    static final String LEGAL_OBLIGATION = "LEGAL_OBLIGATION";

    private final TaskRepository tasks;
    private final RequestRepository requests;
    private final CorrectionSeal corrections;
    private final TaskWork work;
    private final TaskViewMapper views;
    private final RetentionBasisRepository retention;
    private final Caller caller;
    private final Changes changes;

    public TaskService(TaskRepository tasks, RequestRepository requests, CorrectionSeal corrections, TaskWork work,
            TaskViewMapper views, RetentionBasisRepository retention, Caller caller, Changes changes) {
        this.tasks = tasks;
        this.requests = requests;
        this.retention = retention;
        this.corrections = corrections;
        this.work = work;
        this.views = views;
        this.caller = caller;
        this.changes = changes;
    }

    @Enforces(value = "3.4.f", note = "a partner sees and works only its own tasks")
    public Uni<DsrTask> load(UUID id) {
        UUID own = caller.requirePartnerId();
        return tasks.findById(id).invoke(t -> caller.requireVisible(t != null && t.partnerId.equals(own), "task"));
    }

    public Uni<DsrTask> claim(UUID id, String ifMatch) {
        return changes.apply(load(id), t -> t.version, ifMatch,
                t -> Changes.trailedBy(work.claim(t, caller.auditActor())));
    }

    public Uni<DsrTask> complete(UUID id, String ifMatch, CompletionRequest body) {
        return changes.apply(load(id), t -> t.version, ifMatch, t -> {
            requireEvidenceFits(t, body);
            Evidence evidence = new Evidence(body.deletion(), body.notice(), body.correction(), null, note(body));
            return Changes.trailedBy(work.complete(t, evidence, t.type == RequestType.ACCESS ? body.export() : null,
                    caller.auditActor()));
        });
    }

    public Uni<DsrTask> reject(UUID id, String ifMatch, RejectionRequest body) {
        return changes.apply(load(id), t -> t.version, ifMatch, t -> Changes.trailedBy(rejection(t, body)));
    }

    /** The partner's rejection: a legal basis other than consent; a deletion task's goes to the officer's review. */
    private Uni<DsrTask> rejection(DsrTask t, RejectionRequest body) {
        if (!Vocabulary.get().isLegalBasis(body.legalBasis())) {
            throw ProblemException.validation("unknown legal basis",
                    List.of(new Problem.FieldError("legalBasis", "is not a legal basis of the vocabulary")));
        }
        if (NOT_A_REFUSAL_BASIS.contains(body.legalBasis())) {
            throw ProblemException.policy(t.type.clause, "rejection-basis-insufficient",
                    "Rejection needs a legal basis other than consent",
                    "the subject's request overrides their consent; name the law or contract that requires"
                            + " keeping or refusing (e.g. LEGAL_OBLIGATION)",
                    List.of(new Problem.FieldError("legalBasis", "consent is no basis to refuse the subject")));
        }
        if (t.type != RequestType.DELETION) {
            if (body.retentionBasisId() != null) {
                throw ProblemException.validation("only a deletion task's rejection cites a retention basis",
                        List.of(new Problem.FieldError("retentionBasisId", "does not belong to this task")));
            }
            return work.reject(t, body.legalBasis(), body.explanation().strip(), caller.auditActor());
        }
        return requests.findById(t.requestId).chain(r -> requireRetentionRules(t, r.origin, body))
                .chain(() -> work.requestRejection(t, body.legalBasis(), body.explanation().strip(),
                        body.retentionBasisId(), caller.auditActor()));
    }

    /**
     * 3.5.d: after termination only the law keeps data (the subject's express consent was weighed at
     * the fan-out); a cited retention basis is the partner's own and covers the subject.
     */
    @Enforces(value = "3.5.d", note = "a terminated partner refuses deletion only on a legal obligation")
    private Uni<Void> requireRetentionRules(DsrTask t, RequestOrigin origin, RejectionRequest body) {
        if (origin == RequestOrigin.TERMINATION && !LEGAL_OBLIGATION.equals(body.legalBasis())) {
            throw ProblemException.policy("3.5.d", "retention-basis-insufficient", "Retention basis insufficient",
                    "after termination data may be kept only where the law requires it: name LEGAL_OBLIGATION",
                    List.of(new Problem.FieldError("legalBasis", "is not a basis for keeping data after termination")));
        }
        if (body.retentionBasisId() == null) {
            return Uni.createFrom().voidItem();
        }
        return retention.findById(body.retentionBasisId()).invoke(b -> {
            if (b == null || !b.partnerId.equals(t.partnerId) || (b.subjectId != null && !b.subjectId.equals(
                    t.subjectId))) {
                throw ProblemException.validation("the cited retention basis is not one of yours for this subject",
                        List.of(new Problem.FieldError("retentionBasisId", "no retention basis of this partner"
                                + " covering the task's subject has this id")));
            }
        }).replaceWithVoid();
    }

    public Uni<TaskView> view(DsrTask t) {
        return tasks.flush().chain(() -> requests.findById(t.requestId)).map(r -> views.view(t, r,
                t.type == RequestType.CORRECTION ? corrections.open(r) : null));
    }

    /** Exactly the evidence part that fits the task; anything else is a 400 naming the field. */
    static void requireEvidenceFits(DsrTask t, CompletionRequest body) {
        String needed = switch (t.type) {
            case ACCESS -> "export";
            case CORRECTION -> "correction";
            case DELETION -> t.kind == TaskKind.RECIPIENT ? "notice" : "deletion";
            case REVOKE_AUTHORIZATION -> "none";
        };
        List<Problem.FieldError> errors = new ArrayList<>();
        check(errors, "export", body.export() != null && !body.export().isNull(), needed);
        check(errors, "deletion", body.deletion() != null, needed);
        check(errors, "notice", body.notice() != null, needed);
        check(errors, "correction", body.correction() != null, needed);
        if ("export".equals(needed) && body.export() != null && !body.export().isObject()) {
            errors.add(new Problem.FieldError("export", "must be a JSON object"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the evidence does not fit a " + t.type + " task of kind " + t.kind,
                    errors);
        }
    }

    private static void check(List<Problem.FieldError> errors, String part, boolean present, String needed) {
        if (part.equals(needed) && !present) {
            errors.add(new Problem.FieldError(part, "is required for this task"));
        } else if (!part.equals(needed) && present) {
            errors.add(new Problem.FieldError(part, "does not belong to this task"));
        }
    }

    private static String note(CompletionRequest body) {
        return body.note() == null || body.note().isBlank() ? null : body.note().strip();
    }
}
