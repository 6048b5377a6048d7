package com.privacyplatform.consent.record;

import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.Problem.FieldError;
import com.privacyplatform.commons.problem.ProblemException;

/**
 * The recording rules name fields of the collection event ({@code purposes[0].purpose}); in an
 * import that event is {@code collection} of the body, so its refusals name {@code collection.purposes[0].purpose}.
 */
final class ImportPaths {

    private ImportPaths() {
    }

    static ProblemException prefixed(ProblemException e, String prefix) {
        Problem p = e.problem();
        if (p.errors() == null || p.errors().isEmpty()) {
            return e;
        }
        return new ProblemException(new Problem(p.type(), p.title(), p.status(), p.detail(), p.instance(), p.clause(),
                p.correlationId(), p.errors().stream()
                        .map(f -> new FieldError(prefix + f.field(), f.message())).toList()), e.headers());
    }
}
