package com.privacyplatform.registry.processor;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.registry.scope.ScopeEntry;
import com.privacyplatform.registry.scope.ScopeNarrowingGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 3.3.b: a processor's purposes x categories must stay inside the partner's permitted scope, so a
 * new scope that drops a pair a PROPOSED or ACTIVE processor needs is refused (409 naming it).
 * Withdraw the processor first, then narrow the scope.
 */
@ApplicationScoped
@Enforces(value = "3.3.b", note = "the partner's scope cannot shrink below a PROPOSED or ACTIVE processor's scope")
public class ProcessorScopeGuard implements ScopeNarrowingGuard {

    private final PartnerLocks partnerLocks;
    private final ProcessorRepository processors;

    public ProcessorScopeGuard(PartnerLocks partnerLocks, ProcessorRepository processors) {
        this.partnerLocks = partnerLocks;
        this.processors = processors;
    }

    @Override
    public Uni<Void> check(UUID partnerId, List<ScopeEntry> newScope) {
        // the lock makes a concurrent processor proposal wait, or this check see it
        return partnerLocks.lock(partnerId).chain(() -> processors.binding(partnerId)).invoke(binding -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (Processor p : binding) {
                List<String> missing = ProcessorRules.uncovered(p, newScope);
                if (!missing.isEmpty()) {
                    errors.add(new Problem.FieldError("entries", "no longer covers " + ProcessorConflicts.label(p)
                            + ": " + String.join(", ", missing)));
                }
            }
            if (!errors.isEmpty()) {
                throw ProcessorConflicts.of("3.3.b", "the new scope no longer covers " + errors.size()
                        + " processor(s) of the partner; withdraw them first or keep their purposes and categories",
                        errors);
            }
        }).replaceWithVoid();
    }
}
