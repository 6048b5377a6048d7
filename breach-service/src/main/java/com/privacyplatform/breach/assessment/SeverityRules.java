package com.privacyplatform.breach.assessment;

import com.privacyplatform.breach.config.BreachConfig;
import com.privacyplatform.breach.incident.IncidentFacts;
import com.privacyplatform.breach.incident.IncidentKind;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.vocabulary.Vocabulary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives an incident's severity from what was reported, step by step, each step a reason:
 * <ol>
 *   <li>kind: a policy violation starts LOW, a suspected or confirmed breach MEDIUM;</li>
 *   <li>sensitive data (2.2: a sensitive category of the vocabulary, or reported as sensitive): at least HIGH;</li>
 *   <li>scale: at least {@code large-scale} subjects at least HIGH, at least {@code massive-scale} CRITICAL;
 *       an unknown count adds nothing until it is reported;</li>
 *   <li>a confirmed breach of sensitive data at large scale: CRITICAL;</li>
 *   <li>encryption: data reported as encrypted lowers the result one level; unknown or unencrypted does not.</li>
 * </ol>
 */
@ApplicationScoped
@Enforces(value = "5.1", note = "severity of a reported incident derived from kind, sensitive data, scale, encryption")
public class SeverityRules {

    private final long largeScale;
    private final long massiveScale;

    @Inject
    public SeverityRules(BreachConfig config) {
        this(config.severity().largeScale(), config.severity().massiveScale());
    }

    SeverityRules(long largeScale, long massiveScale) {
        this.largeScale = largeScale;
        this.massiveScale = massiveScale;
    }

    public Assessment assess(IncidentFacts facts) {
        List<SeverityReason> reasons = new ArrayList<>();
        Severity level = facts.kind() == IncidentKind.POLICY_VIOLATION ? Severity.LOW : Severity.MEDIUM;
        reasons.add(new SeverityReason("kind", baseline(facts.kind()), level));

        List<String> sensitive = sensitiveCategories(facts.categories());
        boolean sensitiveInvolved = !sensitive.isEmpty() || facts.sensitiveDataInvolved();
        if (sensitiveInvolved) {
            level = level.atLeast(Severity.HIGH);
            reasons.add(new SeverityReason("sensitive-data", sensitive.isEmpty()
                    ? "reported as involving personal sensitive information (2.2)"
                    : "personal sensitive information involved (2.2): " + String.join(", ", sensitive), level));
        }

        Long subjects = facts.affectedSubjects();
        if (subjects == null) {
            reasons.add(new SeverityReason("scale", "number of affected subjects not known yet: not counted", level));
        } else if (subjects >= massiveScale) {
            level = level.atLeast(Severity.CRITICAL);
            reasons.add(new SeverityReason("scale", subjects + " affected subjects >= " + massiveScale
                    + " (massive scale)", level));
        } else if (subjects >= largeScale) {
            level = level.atLeast(Severity.HIGH);
            reasons.add(new SeverityReason("scale", subjects + " affected subjects >= " + largeScale
                    + " (large scale)", level));
        } else {
            reasons.add(new SeverityReason("scale", subjects + " affected subject(s) < " + largeScale
                    + " (not large scale)", level));
        }

        if (facts.kind() == IncidentKind.CONFIRMED_BREACH && sensitiveInvolved && subjects != null
                && subjects >= largeScale) {
            level = Severity.CRITICAL;
            reasons.add(new SeverityReason("sensitive-at-scale",
                    "confirmed breach of sensitive information at large scale", level));
        }

        Boolean encrypted = facts.dataEncrypted();
        if (Boolean.TRUE.equals(encrypted)) {
            level = level.oneLower();
            reasons.add(new SeverityReason("encryption", "the data were encrypted: one level lower", level));
        } else {
            reasons.add(new SeverityReason("encryption", encrypted == null
                    ? "not known whether the data were encrypted: no mitigation"
                    : "the data were not encrypted: no mitigation", level));
        }
        return new Assessment(level, List.copyOf(reasons));
    }

    /** The reported categories that are personal sensitive information (2.2), in the order reported. */
    public static List<String> sensitiveCategories(List<String> categories) {
        Vocabulary vocabulary = Vocabulary.get();
        return categories.stream().filter(vocabulary::isSensitive).toList();
    }

    private static String baseline(IncidentKind kind) {
        return switch (kind) {
            case POLICY_VIOLATION -> "a violation of the Standards (5.1.a): baseline LOW";
            case SUSPECTED_BREACH -> "a suspected breach counts until ruled out (5.1): baseline MEDIUM";
            case CONFIRMED_BREACH -> "a confirmed breach (5.1.b): baseline MEDIUM";
        };
    }
}
