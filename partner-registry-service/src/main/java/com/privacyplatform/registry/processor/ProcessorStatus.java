package com.privacyplatform.registry.processor;

import java.util.Map;
import java.util.Set;

/** PROPOSED -> ACTIVE (the officer's approval, 3.3.b/3.3.c) -> WITHDRAWN; WITHDRAWN is final. */
public enum ProcessorStatus {
    PROPOSED, ACTIVE, WITHDRAWN;

    private static final Map<ProcessorStatus, Set<ProcessorStatus>> ALLOWED = Map.of(
            PROPOSED, Set.of(ACTIVE, WITHDRAWN),
            ACTIVE, Set.of(WITHDRAWN),
            WITHDRAWN, Set.of());

    public boolean canBecome(ProcessorStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
