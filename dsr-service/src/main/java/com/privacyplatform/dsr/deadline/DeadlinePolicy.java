package com.privacyplatform.dsr.deadline;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One row of the deadline table ({@code deadline-policies.json}): which jurisdictions (or request
 * origins) it covers, the response term, the one extension it allows (null: none), the receipt
 * confirmation term (null: none) and the sources it is taken from.
 */
@RegisterForReflection
public record DeadlinePolicy(
        String id,
        String law,
        List<String> countries,
        List<String> origins,
        boolean fallback,
        Term response,
        Term extension,
        Term receiptConfirmation,
        boolean rollToBusinessDay,
        String note,
        List<String> sources) {

    public boolean allowsExtension() {
        return extension != null;
    }
}
