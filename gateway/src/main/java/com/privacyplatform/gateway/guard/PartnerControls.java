package com.privacyplatform.gateway.guard;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.gateway.routing.PartnerRoutes.Use;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory view of what restricts each partner, kept in step with the projection tables by the
 * event consumer and the bootstrap, and loaded from them at start: the per-request check reads only
 * memory. Updates commute, so events and snapshots may arrive in any order: a status is replaced
 * only by one of the same or a later time (registry time of the change), and an ended emergency
 * order (lifted or expired - final in breach-service) never becomes active again. The end of a
 * terminated partner's duties (the deletion work of its termination complete) is final too.
 */
public final class PartnerControls {

    private static final Set<String> BLOCKED_STATUSES = Set.of("SUSPENDED", "TERMINATED");

    private final Map<UUID, StatusFact> statuses = new ConcurrentHashMap<>();
    private final Map<UUID, Map<UUID, Restriction>> restrictions = new ConcurrentHashMap<>();
    private final Set<UUID> endedOrders = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Instant> discharged = new ConcurrentHashMap<>();
    private final Set<String> syncedSources = ConcurrentHashMap.newKeySet();
    private final Set<String> requiredSources;

    private record StatusFact(String status, Instant at) {
    }

    /** Nothing required: partners are judged on what is known (tests of the pure logic). */
    public PartnerControls() {
        this(Set.of());
    }

    /**
     * @param requiredSources snapshot sources (e.g. {@code registry}, {@code breach}) that must have
     *        been loaded at least once before partner requests are judged; until then they get 503
     */
    public PartnerControls(Set<String> requiredSources) {
        this.requiredSources = Set.copyOf(requiredSources);
    }

    /** What the gateway does with a partner's request now. */
    public sealed interface Verdict {
    }

    public record Allow(List<Restriction> throttles) implements Verdict {
    }

    /** Refuse the request: {@code status} 403 for restrictions, 503 while restrictions are not yet known. */
    public record Block(String slug, String title, String detail, String clause, int status) implements Verdict {

        public Block(String slug, String title, String detail, String clause) {
            this(slug, title, detail, clause, 403);
        }
    }

    /** The partner's lifecycle status as of {@code at}; an older fact than the one held is ignored. */
    public void status(UUID partnerId, String status, Instant at) {
        statuses.merge(partnerId, new StatusFact(status, at), (held, incoming) -> incoming.at().isBefore(held.at())
                ? held : incoming);
    }

    /** An active emergency order; ignored when the order is already known to have ended. */
    public void restrict(UUID partnerId, Restriction restriction) {
        if (endedOrders.contains(restriction.orderId())) {
            return;
        }
        restrictions.computeIfAbsent(partnerId, id -> new ConcurrentHashMap<>()).put(restriction.orderId(), restriction);
        if (endedOrders.contains(restriction.orderId())) { // ended concurrently: the end wins
            restore(partnerId, restriction.orderId());
        }
    }

    /** The order ended (lifted or expired): for good. */
    public void restore(UUID partnerId, UUID orderId) {
        endedOrders.add(orderId);
        Map<UUID, Restriction> orders = restrictions.get(partnerId);
        if (orders != null) {
            orders.remove(orderId);
        }
    }

    /**
     * 3.5.d: every deletion task of the partner's termination is resolved ({@code
     * dsr.termination-deletion-completed}); a terminated partner loses its duty routes too. Final.
     */
    public void discharged(UUID partnerId, Instant at) {
        discharged.merge(partnerId, at, (held, incoming) -> incoming.isBefore(held) ? incoming : held);
    }

    /** Partners whose termination's deletion work is complete, with when (diagnostics). */
    public Map<UUID, Instant> dischargedPartners() {
        return new java.util.TreeMap<>(discharged);
    }

    /** A snapshot of {@code source} was loaded completely (now or in an earlier run). */
    public void synced(String source) {
        syncedSources.add(source);
    }

    public boolean isSynced() {
        return syncedSources.containsAll(requiredSources);
    }

    /** Partners whose status is held, with that status (diagnostics). */
    public Map<UUID, String> statuses() {
        Map<UUID, String> copy = new java.util.TreeMap<>();
        statuses.forEach((id, fact) -> copy.put(id, fact.status()));
        return copy;
    }

    /** Every active emergency order held, by order id (diagnostics). */
    public Map<UUID, UUID> activeOrders() {
        Map<UUID, UUID> copy = new java.util.TreeMap<>();
        restrictions.forEach((partner, orders) -> orders.keySet().forEach(order -> copy.put(order, partner)));
        return copy;
    }

    /** The verdict on a data route: what a partner's request gets when its route is not a duty. */
    public Verdict verdict(UUID partnerId, Instant now) {
        return verdict(partnerId, now, Use.DATA);
    }

    /**
     * 3.4.j and 4.6: suspended or terminated partners and closed interfaces are blocked on data
     * routes; restraints throttle every route. 3.5.d, 5.1: duty routes stay open to them - to a
     * terminated partner until the deletion work of its termination is complete.
     */
    @Enforces({"3.4.j", "4.6", "3.5.d", "5.1"})
    public Verdict verdict(UUID partnerId, Instant now, Use use) {
        if (!isSynced()) {
            // fail closed: a fresh gateway does not yet know which partners are suspended or closed
            return new Block("restrictions-unavailable", "Restrictions not yet loaded",
                    "the gateway has not yet loaded the partners' restrictions from the registry and"
                            + " breach-service; retry shortly", "3.4.j", 503);
        }
        StatusFact fact = statuses.get(partnerId);
        String status = fact == null ? null : fact.status();
        if ("TERMINATED".equals(status) && discharged.containsKey(partnerId)) {
            return new Block("partner-terminated", "Partner terminated",
                    "the partner is TERMINATED and the deletion work of its termination is complete; its access"
                            + " to the platform has ended", "3.5.d");
        }
        boolean duty = use == Use.DUTY;
        if (status != null && BLOCKED_STATUSES.contains(status) && !duty) {
            return new Block("partner-" + status.toLowerCase(), "Partner " + status.toLowerCase(),
                    "the partner is " + status + " on the platform; its data routes are closed (its duties - tasks,"
                            + " incidents, rectifications, inspections, its own record - remain open)", "4.6");
        }
        List<Restriction> throttles = new ArrayList<>();
        for (Restriction r : restrictions.getOrDefault(partnerId, Map.of()).values()) {
            if (!r.activeAt(now)) {
                continue;
            }
            if (r.kind().blocks()) {
                if (duty) {
                    continue; // 5.1: a closed partner still reports on its incident and does its tasks
                }
                return new Block("interface-closed", "Interface closed by an emergency order",
                        "an emergency order (" + r.kind() + ") closes this partner's data routes"
                                + (r.expiresAt() == null ? "" : " until " + r.expiresAt())
                                + " (its duties remain open)", "3.4.j");
            }
            throttles.add(r);
        }
        return new Allow(List.copyOf(throttles));
    }
}
