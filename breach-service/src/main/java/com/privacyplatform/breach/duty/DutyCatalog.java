package com.privacyplatform.breach.duty;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.breach.assessment.Severity;
import com.privacyplatform.breach.config.BreachConfig;
import com.privacyplatform.breach.incident.IncidentKind;
import com.privacyplatform.api.vocabulary.Vocabulary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The notification duties as data ({@code notification-duties.json}, versioned): per regime, the
 * jurisdictions it covers and its duties with their legal source, window and conditions. Checked
 * when the service starts, so a broken file stops it rather than computing wrong clocks.
 */
@ApplicationScoped
@RegisterForReflection(targets = {DutyCatalog.Content.class, DutyCatalog.Regime.class, DutyCatalog.Rule.class,
        DutyCatalog.Exemption.class})
public class DutyCatalog {

    static final String RESOURCE = "/notification-duties.json";
    static final String IMMEDIATELY = "immediately";
    static final String PLATFORM_GRACE = "platform-report-grace";

    /** Exemption conditions the planner understands. */
    public enum Condition {
        DATA_ENCRYPTED
    }

    public record Exemption(Condition when, String source, String reason) {
    }

    public record Rule(String id, String title, Recipient recipient, String source, String window, String windowBasis,
            List<IncidentKind> appliesTo, Severity minSeverity, Long minAffectedSubjects, List<Exemption> exemptions) {
    }

    public record Regime(String id, String name, List<String> jurisdictions, List<Rule> duties) {
    }

    public record Content(String version, String description, Rule platformRule, List<Regime> regimes) {
    }

    private final Content content;
    private final BreachConfig config;

    public DutyCatalog(BreachConfig config) {
        this.config = config;
        this.content = load();
        validate();
    }

    public String version() {
        return content.version();
    }

    public Rule platformRule() {
        return content.platformRule();
    }

    public List<Regime> regimes() {
        return content.regimes();
    }

    public Optional<Regime> regimeOf(String jurisdiction) {
        return content.regimes().stream().filter(r -> r.jurisdictions().contains(jurisdiction)).findFirst();
    }

    /** A rule's window: an ISO 8601 duration, or one of the named, configured windows. */
    public Duration window(Rule rule) {
        return switch (rule.window()) {
            case IMMEDIATELY -> config.duties().immediately();
            case PLATFORM_GRACE -> config.platformReportGrace();
            default -> Duration.parse(rule.window());
        };
    }

    private void validate() {
        Set<String> ids = new HashSet<>();
        Set<String> countries = new HashSet<>();
        check(content.platformRule(), ids);
        for (Regime regime : content.regimes()) {
            for (String country : regime.jurisdictions()) {
                require(Vocabulary.isCountryCode(country), regime.id() + ": " + country + " is not a country code");
                require(countries.add(country), country + " belongs to more than one regime");
            }
            regime.duties().forEach(rule -> check(rule, ids));
        }
    }

    private void check(Rule rule, Set<String> ids) {
        require(ids.add(rule.id()), "duplicate duty id " + rule.id());
        require(rule.recipient() != null && rule.source() != null && rule.title() != null && rule.appliesTo() != null
                && rule.exemptions() != null, rule.id() + ": recipient, source, title, appliesTo, exemptions required");
        try {
            require(!window(rule).isNegative() && !window(rule).isZero(), rule.id() + ": window must be positive");
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(rule.id() + ": window is neither a named window nor ISO 8601", e);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("notification-duties.json: " + message);
        }
    }

    private static Content load() {
        try (InputStream in = DutyCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("duty table missing: " + RESOURCE);
            }
            ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return mapper.readValue(in, Content.class);
        } catch (IOException e) {
            throw new UncheckedIOException("duty table unreadable", e);
        }
    }
}
