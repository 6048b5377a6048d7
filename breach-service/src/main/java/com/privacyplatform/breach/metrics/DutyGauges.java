package com.privacyplatform.breach.metrics;

import com.privacyplatform.commons.metrics.GaugeSource;
import com.privacyplatform.commons.metrics.PlatformGauge;
import com.privacyplatform.commons.metrics.SqlCount;
import com.privacyplatform.commons.time.PlatformClock;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Breach notification clocks and emergency orders as totals, for the operators' alerts: PENDING
 * notification duties due within the next 24 hours and those already past due (late, as the duty
 * scan's lapse notice counts them), and the partners under an ACTIVE emergency order (3.4.j) -
 * a total, never which partner (the API shows that). Due and late by the platform clock.
 */
@ApplicationScoped
public class DutyGauges implements GaugeSource {

    /** The platform clock's now, the statements' one parameter. */
    private static final String NOW = "CAST($1 AS timestamptz)";

    private final Pool pool;
    private final PlatformClock clock;

    public DutyGauges(Pool pool, PlatformClock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public List<PlatformGauge> gauges() {
        return List.of(
                PlatformGauge.count("platform.breach.duties.due.within24h", "Pending breach notification duties due"
                        + " within the next 24 hours", SqlCount.of(pool, "SELECT count(*) FROM notification_duty"
                                + " WHERE state = 'PENDING' AND due_at > " + NOW + " AND due_at <= " + NOW
                                + " + interval '24 hours'", clock::now)),
                PlatformGauge.count("platform.breach.duties.late", "Pending breach notification duties past their"
                        + " due time", SqlCount.of(pool, "SELECT count(*) FROM notification_duty"
                                + " WHERE state = 'PENDING' AND due_at <= " + NOW, clock::now)),
                PlatformGauge.count("platform.breach.partners.under.emergency.order", "Partners with at least one"
                        + " active emergency order", SqlCount.of(pool, "SELECT count(DISTINCT partner_id)"
                                + " FROM emergency_order WHERE state = 'ACTIVE'")));
    }
}
