package com.privacyplatform.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Each replica's share of a rate (gateway.rate-limit.replicas): N replicas together allow the
 * configured figure; one replica alone allows exactly it.
 */
class RateLimiterSharesTest {

    @Test
    void oneReplicaHasTheWholeRateAndBurst() {
        assertShare(() -> RateLimiter.perSecond(3, 3, 1), 3, 3); // 3 per second
    }

    @Test
    void twoReplicasShareRateAndBurst() {
        assertShare(() -> RateLimiter.perSecond(50, 100, 2), 50, 25); // 25 per second each, 50 together
    }

    @Test
    @Verifies(value = "3.4.j", exercises = "RateLimiter#restraint")
    void aFlowRestraintIsNotMultipliedByTheReplicas() {
        Restriction oneRps = new Restriction(UUID.randomUUID(), Restriction.Kind.FLOW_RESTRAINT, 1, null, null, null);
        assertShare(() -> RateLimiter.restraint(oneRps, 2), 1, 0.5); // one request per 2 s each: 1/s together
        Restriction fiveRps = new Restriction(UUID.randomUUID(), Restriction.Kind.FLOW_RESTRAINT, 5, null, null, null);
        assertThat(drain(RateLimiter.restraint(fiveRps, 1))).isEqualTo(5);
    }

    @Test
    @Verifies(value = "3.4.j", exercises = "RateLimiter#restraint")
    void aFrequencyRestraintIsNotMultipliedByTheReplicas() {
        Bucket five = RateLimiter.restraint(new Restriction(UUID.randomUUID(), Restriction.Kind.FREQUENCY_RESTRAINT,
                null, 5, Duration.ofMinutes(1), null), 2);
        assertThat(drain(five)).isEqualTo(2); // 2 per 48 s each: 5 per minute together
        assertThat(secondsToRefill(five)).isBetween(47.0, 48.01);
        Bucket one = RateLimiter.perPeriod(1, Duration.ofMinutes(1), 3);
        assertThat(drain(one)).isEqualTo(1); // 1 per 3 minutes each: 1 per minute together
        assertThat(secondsToRefill(one)).isBetween(179.0, 180.01);
        assertThat(drain(RateLimiter.perPeriod(5, Duration.ofMinutes(1), 1))).isEqualTo(5);
    }

    /**
     * A fresh bucket holds {@code burst} tokens, and once drained the next one is due {@code 1 / perSecond}
     * after the last refill. The refill is greedy and runs on the wall clock, so the wait measured is
     * shorter by the time the drain itself took (and a drain over one token's time gains tokens): both
     * bounds allow for it, never for another rate.
     */
    private static void assertShare(Supplier<Bucket> make, int burst, double perSecond) {
        Bucket warm = make.get(); // classes loaded and code run before the bucket that is measured
        drain(warm);
        warm.tryConsumeAndReturnRemaining(1);
        long made = System.nanoTime();
        Bucket bucket = make.get();
        int taken = drain(bucket);
        ConsumptionProbe next = bucket.tryConsumeAndReturnRemaining(1);
        double elapsed = (System.nanoTime() - made) / 1e9;
        assertThat(taken + (next.isConsumed() ? 1 : 0)).isBetween(burst, burst + (int) (elapsed * perSecond));
        if (!next.isConsumed()) {
            assertThat(next.getNanosToWaitForRefill() / 1e9).isBetween(1 / perSecond - elapsed - 0.001, 1 / perSecond + 0.0001);
        }
    }

    private static int drain(Bucket bucket) {
        int taken = 0;
        while (bucket.tryConsume(1)) {
            taken++;
        }
        return taken;
    }

    private static double secondsToRefill(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        assertThat(probe.isConsumed()).isFalse();
        return probe.getNanosToWaitForRefill() / 1e9;
    }
}
