package com.privacyplatform.commons.projection;

import io.smallrye.mutiny.Uni;

/**
 * A service's local projection of another service's data that can be rebuilt from its source
 * (issue 18.2): the registry's partner snapshots, consent-service's holdings feed. Implemented once
 * per projection as a CDI bean; {@link ProjectionSync} runs it on a schedule and on demand.
 */
public interface Reconciler {

    /** The projection's name, unique on the platform, e.g. {@code consent-partners}. */
    String projection();

    /**
     * Whether a source is configured. Without one (a test, or an operator who turned the rebuild off)
     * the projection is fed by events only and counts as built from the start.
     */
    boolean hasSource();

    /**
     * Reads the whole source and repairs what the projection lacks or holds wrongly; answers how many
     * entries it had to repair (the drift: events lost or applied wrongly since the last run).
     */
    Uni<Integer> reconcile();
}
