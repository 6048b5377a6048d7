package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.config.BreachConfig;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.api.vocabulary.Vocabulary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of reported facts that bean validation cannot express: categories of the vocabulary,
 * assigned country codes, and times that make sense. Collects every error, then throws one 400.
 */
@ApplicationScoped
public class IncidentValidation {

    private final BreachConfig config;

    public IncidentValidation(BreachConfig config) {
        this.config = config;
    }

    public final class Errors {
        private final List<Problem.FieldError> errors = new ArrayList<>();

        /** The categories without duplicates, in the order given. */
        public List<String> categories(List<String> categories) {
            for (int i = 0; i < categories.size(); i++) {
                if (!Vocabulary.get().isCategory(categories.get(i))) {
                    errors.add(new Problem.FieldError("categories[" + i + "]", "is not a data category of the vocabulary"));
                }
            }
            return categories.stream().distinct().toList();
        }

        public List<String> jurisdictions(List<String> codes) {
            for (int i = 0; i < codes.size(); i++) {
                if (!Vocabulary.isCountryCode(codes.get(i))) {
                    errors.add(new Problem.FieldError("jurisdictions[" + i + "]",
                            "is not an assigned ISO 3166-1 alpha-2 code"));
                }
            }
            return codes.stream().distinct().toList();
        }

        public void notInFuture(String field, OffsetDateTime time, OffsetDateTime now) {
            if (time != null && time.isAfter(now.plus(config.clockSkew()))) {
                errors.add(new Problem.FieldError(field, "must not be in the future"));
            }
        }

        public void occurredNotAfterDiscovered(OffsetDateTime occurredAt, OffsetDateTime discoveredAt) {
            if (occurredAt != null && discoveredAt != null && occurredAt.isAfter(discoveredAt)) {
                errors.add(new Problem.FieldError("occurredAt", "must not be after discoveredAt"));
            }
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors.size() + " field(s) failed validation", errors);
            }
        }
    }

    public Errors start() {
        return new Errors();
    }
}
