package com.privacyplatform.commons.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The service's gauges read from its database or the broker ({@link GaugeSource} beans): registered
 * with Micrometer at start, read one after the other every {@code platform.metrics.refresh-interval}
 * (default 30 s; a run still busy is skipped, so slow reads never pile up), and served from memory -
 * a Prometheus scrape never runs a query. Until the first read a gauge is NaN (unknown, not zero); a
 * failed read keeps the previous value and counts in {@code platform.metrics.refresh.failures}.
 */
@Startup
@ApplicationScoped
public class PlatformGauges {

    private static final Logger LOG = Logger.getLogger(PlatformGauges.class);

    private final List<Entry> entries = new ArrayList<>();
    private final io.micrometer.core.instrument.Counter failures;

    public PlatformGauges(Instance<GaugeSource> sources, MeterRegistry meters) {
        for (GaugeSource source : sources) {
            for (PlatformGauge g : source.gauges()) {
                Entry e = new Entry(g);
                Gauge.builder(g.name(), e, x -> x.value).description(g.description()).baseUnit(g.baseUnit())
                        .tags(g.tags()).strongReference(true).register(meters);
                entries.add(e);
            }
        }
        failures = io.micrometer.core.instrument.Counter.builder("platform.metrics.refresh.failures")
                .description("Gauge reads (database, broker) that failed; the gauge kept its previous value")
                .register(meters);
    }

    @Scheduled(identity = "platform-gauges", every = "${platform.metrics.refresh-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return refresh();
    }

    /** Reads every gauge now, one after the other (tests call it instead of waiting for the interval). */
    public Uni<Void> refresh() {
        return Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(this::read)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> read(Entry e) {
        return Uni.createFrom().deferred(() -> e.gauge.read().get())
                .ifNoItem().after(Duration.ofSeconds(10)).fail()
                .invoke(v -> e.value = v)
                .replaceWithVoid()
                .onFailure().recoverWithUni(t -> {
                    failures.increment();
                    LOG.warnf("gauge %s %s not refreshed (%s); it keeps its previous value", e.gauge.name(),
                            e.gauge.tags(), t.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private static final class Entry {
        final PlatformGauge gauge;
        volatile double value = Double.NaN;

        Entry(PlatformGauge gauge) {
            this.gauge = gauge;
        }
    }
}
