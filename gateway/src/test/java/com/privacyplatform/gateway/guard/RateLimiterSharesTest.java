package com.privacyplatform.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each replica's share of a rate (gateway.rate-limit.replicas): N replicas together allow the
 * configured figure; one replica alone allows exactly it.
 */
class RateLimiterSharesTest {

    @Test
    void oneReplicaHasTheWholeRateAndBurst() {
        Bucket bucket = RateLimiter.perSecond(3, 3, 1);
        assertThat(drain(bucket)).isEqualTo(3);
        assertThat(secondsPerToken(bucket)).isBetween(0.25, 0.34); // 3 per second
    }

    @Test
    void twoReplicasShareRateAndBurst() {
        Bucket bucket = RateLimiter.perSecond(50, 100, 2);
        assertThat(drain(bucket)).isEqualTo(50);
        assertThat(secondsPerToken(bucket)).isBetween(0.035, 0.041); // 25 per second each, 50 together
    }

    @Test
    @Verifies(value = "3.4.j", exercises = "RateLimiter#restraint")
    void aFlowRestraintIsNotMultipliedByTheReplicas() {
        Restriction oneRps = new Restriction(UUID.randomUUID(), Restriction.Kind.FLOW_RESTRAINT, 1, null, null, null);
        Bucket bucket = RateLimiter.restraint(oneRps, 2);
        assertThat(drain(bucket)).isEqualTo(1);
        assertThat(secondsPerToken(bucket)).isBetween(1.9, 2.01); // one request per 2 s each: 1/s together
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

    private static int drain(Bucket bucket) {
        int taken = 0;
        while (bucket.tryConsume(1)) {
            taken++;
        }
        return taken;
    }

    private static double secondsPerToken(Bucket bucket) {
        return secondsToRefill(bucket);
    }

    private static double secondsToRefill(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        assertThat(probe.isConsumed()).isFalse();
        return probe.getNanosToWaitForRefill() / 1e9;
    }
}
