package com.privacyplatform.commons.problem;

/** Finds a {@link ProblemException} wrapped by reactive plumbing (CompletionException and the like). */
final class ProblemCauses {

    private ProblemCauses() {
    }

    static ProblemException find(Throwable e) {
        Throwable current = e;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof ProblemException problem) {
                return problem;
            }
            current = current.getCause();
        }
        return null;
    }
}
