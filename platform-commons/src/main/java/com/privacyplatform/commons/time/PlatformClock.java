package com.privacyplatform.commons.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The platform's one clock: instants in UTC at microsecond precision (what PostgreSQL's
 * {@code timestamptz} keeps, so a value read back equals the one written), days as UTC days.
 * It reads the {@link Clock} bean: the system's UTC clock ({@link SystemClock}), which tests replace
 * with platform-testing's {@code MovableClock} to move time instead of editing rows.
 */
@ApplicationScoped
public class PlatformClock {

    private final Clock clock;

    public PlatformClock(Clock clock) {
        this.clock = clock;
    }

    public Instant instant() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public OffsetDateTime now() {
        return instant().atOffset(ZoneOffset.UTC);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
