package com.privacyplatform.registry.processor;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.transfer.Transfer;
import com.privacyplatform.registry.transfer.TransferRevocationGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * 3.3.c: an ACTIVE processor abroad needs an APPROVED transfer covering its categories, so the
 * last such transfer cannot be revoked while the processor is ACTIVE (409 naming it).
 */
@ApplicationScoped
@Enforces(value = "3.3.c", note = "a transfer an ACTIVE processor abroad relies on cannot be revoked")
public class ProcessorTransferGuard implements TransferRevocationGuard {

    private final ProcessorRepository processors;

    public ProcessorTransferGuard(ProcessorRepository processors) {
        this.processors = processors;
    }

    @Override
    public Uni<Void> check(Partner partner, Transfer revoked, List<Transfer> remaining) {
        return processors.activeIn(partner.id, revoked.destinationCountry).invoke(active -> {
            List<Problem.FieldError> errors = active.stream()
                    .filter(p -> ProcessorRules.isAbroad(p, partner))
                    .filter(p -> revoked.covers(p.country, p.categories))
                    .filter(p -> remaining.stream().noneMatch(t -> t.covers(p.country, p.categories)))
                    .map(p -> new Problem.FieldError("transferId", ProcessorConflicts.label(p)
                            + " relies on this transfer"))
                    .toList();
            if (!errors.isEmpty()) {
                throw ProcessorConflicts.of("3.3.c", "ACTIVE processors in " + revoked.destinationCountry
                        + " rely on this transfer; withdraw them or approve another transfer covering them first",
                        errors);
            }
        }).replaceWithVoid();
    }
}
