package com.privacyplatform.registry.processor;

import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.problem.ProblemType;
import java.util.List;

/** 409 answers that name the processors standing in the way, with the clause that makes them matter. */
final class ProcessorConflicts {

    private ProcessorConflicts() {
    }

    static ProblemException of(String clause, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(ProblemType.CONFLICT.uri(), ProblemType.CONFLICT.title(),
                ProblemType.CONFLICT.status(), detail, null, clause, null, List.copyOf(errors)), null);
    }

    static String label(Processor p) {
        return "processor " + p.id + " (" + p.name + ", " + p.status + ")";
    }
}
