package com.privacyplatform.gateway.guard;

import com.privacyplatform.commons.clause.Enforces;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory view of what restricts each partner, kept in step with the projection tables by the
 * event consumer and loaded from them at start: the per-request check reads only memory.
 */
public final class PartnerControls {

    private static final Set<String> BLOCKED_STATUSES = Set.of("SUSPENDED", "TERMINATED");

    private final Map<UUID, String> statuses = new ConcurrentHashMap<>();
    private final Map<UUID, Map<UUID, Restriction>> restrictions = new ConcurrentHashMap<>();

    /** What the gateway does with a partner's request now. */
    public sealed interface Verdict {
    }

    public record Allow(List<Restriction> throttles) implements Verdict {
    }

    public record Block(String slug, String title, String detail, String clause) implements Verdict {
    }

    public void status(UUID partnerId, String status) {
        statuses.put(partnerId, status);
    }

    public void restrict(UUID partnerId, Restriction restriction) {
        restrictions.computeIfAbsent(partnerId, id -> new ConcurrentHashMap<>()).put(restriction.orderId(), restriction);
    }

    public void restore(UUID partnerId, UUID orderId) {
        Map<UUID, Restriction> orders = restrictions.get(partnerId);
        if (orders != null) {
            orders.remove(orderId);
        }
    }

    /** 3.4.j and 4.6: suspended or terminated partners and closed interfaces are blocked; restraints throttle. */
    @Enforces({"3.4.j", "4.6"})
    public Verdict verdict(UUID partnerId, Instant now) {
        String status = statuses.get(partnerId);
        if (status != null && BLOCKED_STATUSES.contains(status)) {
            return new Block("partner-" + status.toLowerCase(), "Partner " + status.toLowerCase(),
                    "the partner is " + status + " on the platform; its interface is closed", "4.6");
        }
        List<Restriction> throttles = new ArrayList<>();
        for (Restriction r : restrictions.getOrDefault(partnerId, Map.of()).values()) {
            if (!r.activeAt(now)) {
                continue;
            }
            if (r.kind().blocks()) {
                return new Block("interface-closed", "Interface closed by an emergency order",
                        "an emergency order (" + r.kind() + ") closes this partner's interface"
                                + (r.expiresAt() == null ? "" : " until " + r.expiresAt()), "3.4.j");
            }
            throttles.add(r);
        }
        return new Allow(List.copyOf(throttles));
    }
}
