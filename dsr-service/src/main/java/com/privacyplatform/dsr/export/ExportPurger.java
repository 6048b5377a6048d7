package com.privacyplatform.dsr.export;

import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Data minimization (3.1.a): expired exports are erased, keeping only the fact that one was delivered. */
@ApplicationScoped
public class ExportPurger {

    private static final Logger LOG = Logger.getLogger(ExportPurger.class);

    private final ExportRepository exports;
    private final PlatformClock clock;

    public ExportPurger(ExportRepository exports, PlatformClock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    @Scheduled(identity = "export-purge", every = "${dsr.export-purge:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /** Erases every expired export in one transaction; returns how many. */
    public Uni<Integer> purge() {
        return Panache.withTransaction(() -> exports.purgeExpired(clock.now()))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("erased %d expired access export(s)", n);
                    }
                });
    }
}
