package com.privacyplatform.registry.scope;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * Lets other features refuse a new scope that would leave their records outside it (e.g. a
 * processor's scope must lie inside the partner's scope, 3.3.b). Runs in the scope transaction;
 * fail with a {@code ProblemException} (409) naming what is in the way.
 */
public interface ScopeNarrowingGuard {

    Uni<Void> check(UUID partnerId, List<ScopeEntry> newScope);
}
