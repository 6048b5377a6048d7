package com.privacyplatform.commons.metrics;

import io.micrometer.core.instrument.Tags;
import io.smallrye.mutiny.Uni;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One gauge whose value is read on an interval by {@link PlatformGauges} (a database count, a queue
 * depth), never per scrape. Tags name only technical things (a queue, a state): never a partner or
 * a personal value.
 *
 * @param name        Micrometer name, e.g. {@code platform.dsr.requests.overdue}
 * @param description the Prometheus HELP text
 * @param baseUnit    Micrometer base unit ({@code seconds} adds {@code _seconds} to the name), or null
 * @param tags        technical labels only
 * @param read        reads the current value; a failure keeps the previous value
 */
public record PlatformGauge(String name, String description, String baseUnit, Tags tags, Supplier<Uni<Double>> read) {

    public PlatformGauge {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(read, "read");
    }

    /** A count without a unit or tags. */
    public static PlatformGauge count(String name, String description, Supplier<Uni<Long>> read) {
        return new PlatformGauge(name, description, null, Tags.empty(), () -> read.get().map(Long::doubleValue));
    }
}
