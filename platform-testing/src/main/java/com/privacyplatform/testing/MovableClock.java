package com.privacyplatform.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The {@link Clock} of a service under test: the system's UTC clock plus an offset the test sets.
 * This archive is a bean archive, so in every {@code @QuarkusTest} this bean replaces commons'
 * default system clock behind {@code PlatformClock}: a test injects it and moves time
 * ({@link #advance}) instead of editing timestamps in the database. One instance serves every test
 * class of a Quarkus boot, so a test that moves it resets it afterwards ({@link #reset} in
 * {@code @AfterEach}).
 */
@Singleton
public class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock forward by {@code amount}, from wherever it stands. */
    public void advance(Duration amount) {
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /** Moves the clock back by {@code amount}: what happens next happened that long ago. */
    public void rewind(Duration amount) {
        advance(amount.negated());
    }

    /**
     * What {@code action} answers with the clock {@code offset} away from real time (negative: back), as
     * when it is read at a later or earlier moment; then back to real time.
     */
    public <T> T movedBy(Duration offset, Supplier<T> action) {
        this.offset.set(offset);
        try {
            return action.get();
        } finally {
            reset();
        }
    }

    /** Back to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }
}
