package com.privacyplatform.gateway.guard;

import com.privacyplatform.commons.clause.Enforces;
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
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config) {
        this.config = config;
    }

    /** @return empty when allowed, else how many seconds to wait */
    public Optional<Long> partner(String partnerId, List<Restriction> throttles) {
        for (Restriction r : throttles) {
            Optional<Long> wait = take("order:" + r.orderId(), () -> restraint(r));
            if (wait.isPresent()) {
                return wait;
            }
        }
        Integer override = config.rateLimit().partners().get(partnerId);
        // a partner-specific rate is exact (burst = rate); the default rate allows the default burst
        int rate = override != null ? override : config.rateLimit().requestsPerSecond();
        int burst = override != null ? override : Math.max(rate, config.rateLimit().burst());
        return take("partner:" + partnerId + ":" + rate, () -> perSecond(rate, burst));
    }

    public Optional<Long> user(String subject) {
        int rate = config.rateLimit().userRequestsPerSecond();
        int burst = config.rateLimit().userBurst().orElse(rate * 2);
        return take("user:" + subject, () -> perSecond(rate, burst));
    }

    private Optional<Long> take(String key, java.util.function.Supplier<Bucket> create) {
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> create.get()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    /** 3.4.j: flow restraint (requests per second) and frequency restraint (requests per period). */
    @Enforces("3.4.j")
    static Bucket restraint(Restriction r) {
        if (r.kind() == Restriction.Kind.FLOW_RESTRAINT && r.requestsPerSecond() != null) {
            return perSecond(r.requestsPerSecond(), r.requestsPerSecond());
        }
        if (r.kind() == Restriction.Kind.FREQUENCY_RESTRAINT && r.requestsPerPeriod() != null && r.period() != null) {
            return Bucket.builder().addLimit(limit -> limit.capacity(r.requestsPerPeriod())
                    .refillIntervally(r.requestsPerPeriod(), r.period())).build();
        }
        return perSecond(1, 1); // a restraint without figures: the strictest reading
    }

    private static Bucket perSecond(int rate, int burst) {
        return Bucket.builder().addLimit(limit -> limit.capacity(Math.max(1, burst))
                .refillGreedy(Math.max(1, rate), Duration.ofSeconds(1))).build();
    }
}
