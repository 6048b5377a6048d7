package com.privacyplatform.consent.check;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.consent.config.ConsentConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * "May partner P process category C of subject S for purpose U now?" One indexed read, then the
 * rules of {@link CheckDecider}. Fails closed: a database error or a read slower than the timeout
 * is DENY / CHECK_UNAVAILABLE, never ALLOW.
 */
@ApplicationScoped
public class CheckService {

    private static final Logger LOG = Logger.getLogger(CheckService.class);

    private final CheckRepository repository;
    private final Duration timeout;
    private final PlatformClock clock;

    @Inject
    public CheckService(CheckRepository repository, ConsentConfig config, PlatformClock clock) {
        this(repository, config.check().timeout(), clock);
    }

    CheckService(CheckRepository repository, Duration timeout, PlatformClock clock) {
        this.repository = repository;
        this.timeout = timeout;
        this.clock = clock;
    }

    public Uni<CheckResult> check(UUID partnerId, String subjectId, String purpose, String category) {
        return check(partnerId, subjectId, purpose, category, null);
    }

    /** The check, also about one recipient of a disclosure when {@code recipient} is not null (3.3.a). */
    @Enforces(value = "3.4.b", note = "the consent check fails closed")
    public Uni<CheckResult> check(UUID partnerId, String subjectId, String purpose, String category,
            String recipient) {
        Uni<CheckRow> read;
        try {
            read = repository.find(partnerId, subjectId, purpose, category, recipient);
        } catch (RuntimeException e) {
            read = Uni.createFrom().failure(e);
        }
        return read.ifNoItem().after(timeout).fail()
                .map(row -> CheckDecider.decide(row, purpose, clock.instant()))
                .onFailure().recoverWithItem(e -> {
                    // no personal values in the log: the failure's kind only
                    LOG.warnf("consent check unavailable (%s); answering DENY", e.getClass().getSimpleName());
                    return CheckResult.unavailable();
                });
    }
}
