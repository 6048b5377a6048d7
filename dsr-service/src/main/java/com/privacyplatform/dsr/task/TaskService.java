package com.privacyplatform.dsr.task;

import com.privacyplatform.commons.clause.Enforces;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.vocabulary.Vocabulary;
import com.privacyplatform.dsr.request.CorrectionSeal;
import com.privacyplatform.dsr.request.RequestRepository;
import com.privacyplatform.dsr.request.RequestType;
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

    private final TaskRepository tasks;
    private final RequestRepository requests;
    private final CorrectionSeal corrections;
    private final TaskWork work;
    private final TaskViewMapper views;
    private final Caller caller;

    public TaskService(TaskRepository tasks, RequestRepository requests, CorrectionSeal corrections, TaskWork work,
            TaskViewMapper views, Caller caller) {
        this.tasks = tasks;
        this.requests = requests;
        this.corrections = corrections;
        this.work = work;
        this.views = views;
        this.caller = caller;
    }

    @Enforces(value = "3.4.f", note = "a partner sees and works only its own tasks")
    public Uni<DsrTask> load(UUID id) {
        UUID own = caller.requirePartnerId();
        return tasks.findById(id).invoke(t -> caller.requireVisible(t != null && t.partnerId.equals(own), "task"));
    }

    public Uni<DsrTask> claim(UUID id, String ifMatch) {
        return load(id).invoke(t -> Versions.requireMatch(ifMatch, t.version))
                .chain(t -> work.claim(t, caller.auditActor()));
    }

    public Uni<DsrTask> complete(UUID id, String ifMatch, CompletionRequest body) {
        return load(id).invoke(t -> Versions.requireMatch(ifMatch, t.version)).chain(t -> {
            requireEvidenceFits(t, body);
            Evidence evidence = new Evidence(body.deletion(), body.notice(), body.correction(), null, note(body));
            return work.complete(t, evidence, t.type == RequestType.ACCESS ? body.export() : null, caller.auditActor());
        });
    }

    public Uni<DsrTask> reject(UUID id, String ifMatch, RejectionRequest body) {
        return load(id).invoke(t -> Versions.requireMatch(ifMatch, t.version)).chain(t -> {
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
            return work.reject(t, body.legalBasis(), body.explanation().strip(), caller.auditActor());
        });
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
