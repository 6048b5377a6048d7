package com.privacyplatform.gateway.web;

import com.privacyplatform.commons.identity.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the gateway reads from a caller's identity on every request - the {@code partner_id} claim
 * (for restrictions and rate limits), the role and partner id of the access log - read once per
 * verified identity instead of once or twice per request (issue 19: the claim lookups were 4-5 % of
 * a proxied request's CPU). The fast path's identities are the verified-token cache's own instances,
 * one per token, so they are remembered here by instance (at most {@link #MAX_REMEMBERED}; beyond
 * that the memory starts over); the full path's, a fresh copy per request, are read each time.
 */
record CallerFacts(Optional<UUID> partnerId, String partnerIdText, String role) {

    /** The request's facts, for the access log ({@link AccessLog}). */
    static final String KEY = "gateway.caller-facts";
    static final int MAX_REMEMBERED = 10_000;

    private static final Map<SecurityIdentity, CallerFacts> REMEMBERED = new ConcurrentHashMap<>();

    /** The facts of a verified identity the verified-token cache holds (the same instance for every request with its token). */
    static CallerFacts ofCached(SecurityIdentity identity) {
        CallerFacts facts = REMEMBERED.get(identity);
        if (facts == null) {
            facts = of(identity);
            if (REMEMBERED.size() >= MAX_REMEMBERED) {
                REMEMBERED.clear();
            }
            REMEMBERED.put(identity, facts);
        }
        return facts;
    }

    static CallerFacts of(SecurityIdentity identity) {
        String partnerIdText = Caller.partnerClaimText(identity);
        return new CallerFacts(Caller.partnerIdOf(partnerIdText), partnerIdText, firstRole(identity.getRoles()));
    }

    /** The alphabetically first role (one role per line, stable whatever the set's order). */
    static String firstRole(Set<String> roles) {
        String first = null;
        for (String role : roles) {
            if (first == null || role.compareTo(first) < 0) {
                first = role;
            }
        }
        return first == null ? "" : first;
    }
}
