package com.privacyplatform.registry.processor;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.events.PartnerEvents.ScopeItem;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.processor.ProcessorRequests.ProcessorRequest;
import com.privacyplatform.registry.scope.ScopeEntry;
import com.privacyplatform.registry.transfer.Transfer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules a processor must satisfy (3.3.b entrusted processing, 3.3.c cross-border provision). */
final class ProcessorRules {

    static final String EXPRESS_CONSENT = "EXPRESS_CONSENT";
    static final String CONSENT = "CONSENT";

    private ProcessorRules() {
    }

    /** Vocabulary ids and an assigned country code only (400); errors name each offending field. */
    static void requireKnownTerms(ProcessorRequest request) {
        Vocabulary vocabulary = Vocabulary.get();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!Vocabulary.isCountryCode(request.country())) {
            errors.add(new Problem.FieldError("country", "is not an assigned ISO 3166-1 alpha-2 code"));
        }
        for (int i = 0; i < request.purposes().size(); i++) {
            if (!vocabulary.isPurpose(request.purposes().get(i))) {
                errors.add(new Problem.FieldError("purposes[" + i + "]", "is not a purpose of the vocabulary"));
            }
        }
        for (int j = 0; j < request.categories().size(); j++) {
            if (!vocabulary.isCategory(request.categories().get(j))) {
                errors.add(new Problem.FieldError("categories[" + j + "]", "is not a data category of the vocabulary"));
            }
        }
        if (!vocabulary.isLegalBasis(request.legalBasis())) {
            errors.add(new Problem.FieldError("legalBasis", "is not a legal basis of the vocabulary"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the processor names unknown terms", errors);
        }
    }

    /** 3.3.b: entrusting needs the users' express consent or another legitimate basis, named. */
    @Enforces("3.3.b")
    static void requireLegitimateBasis(String basis, String detail) {
        if (CONSENT.equals(basis)) {
            throw legalBasis(new Problem.FieldError("legalBasis",
                    "plain consent is not enough to entrust processing: EXPRESS_CONSENT or another legitimate basis"));
        }
        if (!EXPRESS_CONSENT.equals(basis) && (detail == null || detail.isBlank())) {
            throw legalBasis(new Problem.FieldError("legalBasisDetail",
                    "must name the legitimate basis when it is not EXPRESS_CONSENT"));
        }
    }

    /** 3.3.b: the processor may do no more than the partner itself is permitted to (purposes x categories). */
    @Enforces(value = "3.3.b", note = "a processor's purposes x categories lie inside the partner's permitted scope")
    static void requireInsideScope(List<String> purposes, List<String> categories, List<ScopeItem> scope) {
        Map<String, Set<String>> permitted = new HashMap<>();
        scope.forEach(item -> permitted.put(item.purpose(), Set.copyOf(item.categories())));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < purposes.size(); i++) {
            String purpose = purposes.get(i);
            Set<String> allowed = permitted.get(purpose);
            if (allowed == null) {
                errors.add(new Problem.FieldError("purposes[" + i + "]",
                        purpose + " is not a permitted purpose of the partner"));
                continue;
            }
            for (int j = 0; j < categories.size(); j++) {
                if (!allowed.contains(categories.get(j))) {
                    errors.add(new Problem.FieldError("categories[" + j + "]",
                            categories.get(j) + " is not permitted for purpose " + purpose));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.policy("3.3.b", "processor-outside-scope",
                    "Processor scope outside the partner's permitted scope",
                    "an entrusted processor may process only purposes x categories the partner is permitted;"
                            + " " + errors.size() + " are not", errors);
        }
    }

    /** 3.3.b: the pairs of a processor's scope that a new partner scope no longer covers. */
    static List<String> uncovered(Processor p, List<ScopeEntry> scope) {
        Set<String> permitted = new HashSet<>();
        scope.forEach(e -> permitted.add(e.key.purpose + " x " + e.key.category));
        List<String> missing = new ArrayList<>();
        for (String purpose : p.purposes) {
            for (String category : p.categories) {
                if (!permitted.contains(purpose + " x " + category)) {
                    missing.add(purpose + " x " + category);
                }
            }
        }
        return missing;
    }

    /** 3.3.b, 1.4: the entrusted party is screened - its equivalent protection attested - before it may process. */
    @Enforces({"3.3.b", "1.4"})
    static void requireAttestation(Processor p) {
        if (!p.isAttested()) {
            throw ProblemException.policy("3.3.b", "attestation-required", "Equivalent-protection attestation required",
                    "record the processor's attestation of equivalent protection before approving it",
                    List.of(new Problem.FieldError("attestation", "missing")));
        }
    }

    /** 3.3.c: a processor outside the partner's jurisdiction receives data abroad. */
    static boolean isAbroad(Processor p, Partner partner) {
        return !p.country.equals(partner.jurisdiction);
    }

    /** 3.3.c: an APPROVED transfer to the processor's country must cover all of its categories. */
    @Enforces(value = "3.3.c", note = "a processor abroad needs an APPROVED transfer covering its categories")
    static void requireTransfer(Processor p, Partner partner, List<Transfer> approvedToCountry) {
        if (!isAbroad(p, partner) || approvedToCountry.stream().anyMatch(t -> t.covers(p.country, p.categories))) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (approvedToCountry.isEmpty()) {
            errors.add(new Problem.FieldError("country", "no APPROVED transfer to " + p.country + " is recorded"));
        } else {
            Transfer closest = approvedToCountry.stream()
                    .max(Comparator.comparingLong(t -> p.categories.stream().filter(t.categories::contains).count()))
                    .orElseThrow();
            for (int j = 0; j < p.categories.size(); j++) {
                if (!closest.categories.contains(p.categories.get(j))) {
                    errors.add(new Problem.FieldError("categories[" + j + "]", p.categories.get(j)
                            + " is not covered by an APPROVED transfer to " + p.country));
                }
            }
        }
        throw ProblemException.policy("3.3.c", "transfer-required", "Approved cross-border transfer required",
                "the processor in " + p.country + " receives personal information from a partner in "
                        + partner.jurisdiction + ": an APPROVED transfer to " + p.country
                        + " covering all its categories must exist first", errors);
    }

    private static ProblemException legalBasis(Problem.FieldError error) {
        return ProblemException.policy("3.3.b", "legal-basis-required",
                "Express consent or another legitimate basis required",
                "processing may be entrusted only with the users' express consent or another named legitimate basis",
                List.of(error));
    }
}
