package com.privacyplatform.commons.db;

/**
 * For the background runs over tables that every write grows (the outbox relay, the audit chainer):
 * their transaction starts with {@link #SELECT_PREFIX}, so its statements are planned for the table
 * as it is now ({@code plan_cache_mode = force_custom_plan}, for that transaction only). A prepared
 * statement's generic plan made while the table was small - a sequential scan - would otherwise stay
 * until the next ANALYZE; on a server without autovacuum, for good: every run would read the whole
 * table.
 */
public final class CustomPlans {

    /** Starts a {@code SELECT} whose other columns follow (e.g. an advisory lock). */
    public static final String SELECT_PREFIX = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true), ";

    private CustomPlans() {
    }
}
