package com.privacyplatform.dsr.request;

import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.config.DsrConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Data minimization (3.1.a): a request's sealed correction values are needed while partners apply
 * them; once the request is over - completed (LINKED duplicates complete with their original) or
 * declined by the subject - plus {@code dsr.correction-retention}, they are erased. The request keeps
 * which categories were corrected only through its tasks; the values are gone ({@code corrections_purged_at}).
 */
@ApplicationScoped
public class CorrectionPurger {

    private static final Logger LOG = Logger.getLogger(CorrectionPurger.class);

    private final DsrConfig config;
    private final PlatformClock clock;

    public CorrectionPurger(DsrConfig config, PlatformClock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "correction-purge", every = "${dsr.correction-purge:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /** Erases the correction values of every request over for longer than the retention; returns how many. */
    public Uni<Integer> purge() {
        OffsetDateTime now = clock.now();
        OffsetDateTime before = now.minus(config.correctionRetention());
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE dsr_request SET corrections_key_id = NULL, corrections_nonce = NULL,"
                                + " corrections_sealed = NULL, corrections_purged_at = :now"
                                + " WHERE corrections_sealed IS NOT NULL AND ((status = 'COMPLETED' AND completed_at < :before)"
                                + " OR (status = 'DECLINED' AND updated_at < :before))")
                        .setParameter("before", before).setParameter("now", now)
                        .executeUpdate()))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("erased the correction values of %d request(s) over since %s", n,
                                config.correctionRetention());
                    }
                });
    }
}
