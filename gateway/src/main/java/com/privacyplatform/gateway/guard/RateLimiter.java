package com.privacyplatform.gateway.guard;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.gateway.config.GatewayConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (bucket4j): one per partner at its configured rate, one per caller for users,
 * and one per emergency restraint order (flow: requests per second; frequency: requests per period).
 * The buckets are this replica's: with {@code gateway.rate-limit.replicas} = N each bucket refills
 * at 1/N of the rate and holds 1/N of the burst (at least one token), so that N replicas sharing
 * the traffic allow the configured figure together, not N times it.
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig config;
    private final int replicas;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config) {
        this.config = config;
        this.replicas = config.rateLimit().replicas();
    }

    /** @return empty when allowed, else how many seconds to wait */
    public Optional<Long> partner(String partnerId, List<Restriction> throttles) {
        for (Restriction r : throttles) {
            Optional<Long> wait = take("order:" + r.orderId(), () -> restraint(r, replicas));
            if (wait.isPresent()) {
                return wait;
            }
        }
        Integer override = config.rateLimit().partners().get(partnerId);
        // a partner-specific rate is exact (burst = rate); the default rate allows the default burst
        int rate = override != null ? override : config.rateLimit().requestsPerSecond();
        int burst = override != null ? override : Math.max(rate, config.rateLimit().burst());
        return take("partner:" + partnerId + ":" + rate, () -> perSecond(rate, burst, replicas));
    }

    public Optional<Long> user(String subject) {
        int rate = config.rateLimit().userRequestsPerSecond();
        int burst = config.rateLimit().userBurst().orElse(rate * 2);
        return take("user:" + subject, () -> perSecond(rate, burst, replicas));
    }

    private Optional<Long> take(String key, java.util.function.Supplier<Bucket> create) {
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> create.get()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    /**
     * 3.4.j: flow restraint (requests per second) and frequency restraint (requests per period),
     * this replica's share of it when {@code replicas} gateways enforce it side by side.
     */
    @Enforces("3.4.j")
    static Bucket restraint(Restriction r, int replicas) {
        if (r.kind() == Restriction.Kind.FLOW_RESTRAINT && r.requestsPerSecond() != null) {
            return perSecond(r.requestsPerSecond(), r.requestsPerSecond(), replicas);
        }
        if (r.kind() == Restriction.Kind.FREQUENCY_RESTRAINT && r.requestsPerPeriod() != null && r.period() != null) {
            return perPeriod(r.requestsPerPeriod(), r.period(), replicas);
        }
        return perSecond(1, 1, replicas); // a restraint without figures: the strictest reading
    }

    /**
     * {@code rate} per second with {@code burst} capacity, shared by {@code replicas}: each holds
     * burst/N tokens (at least one) and refills {@code rate} tokens per N seconds, evenly.
     */
    static Bucket perSecond(int rate, int burst, int replicas) {
        int capacity = Math.max(1, Math.max(1, burst) / replicas);
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity)
                .refillGreedy(Math.max(1, rate), Duration.ofSeconds(replicas))).build();
    }

    /**
     * {@code requests} per {@code period}, shared by {@code replicas}: each replica gets
     * requests/N (at least one) per the matching fraction of the period, so that together they
     * stay at {@code requests} per {@code period} (one replica alone: exactly that).
     */
    static Bucket perPeriod(int requests, Duration period, int replicas) {
        int share = Math.max(1, Math.max(1, requests) / replicas);
        Duration interval = period.multipliedBy((long) share * replicas).dividedBy(Math.max(1, requests));
        return Bucket.builder().addLimit(limit -> limit.capacity(share).refillIntervally(share, interval)).build();
    }
}
