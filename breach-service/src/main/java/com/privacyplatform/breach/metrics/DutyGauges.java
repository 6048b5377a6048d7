package com.privacyplatform.breach.metrics;

import com.privacyplatform.commons.metrics.GaugeSource;
import com.privacyplatform.commons.metrics.PlatformGauge;
import com.privacyplatform.commons.metrics.SqlCount;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Breach notification clocks and emergency orders as totals, for the operators' alerts: PENDING
 * notification duties due within the next 24 hours and those already past due (late, as the duty
 * scan's lapse notice counts them), and the partners under an ACTIVE emergency order (3.4.j) -
 * a total, never which partner (the API shows that).
 */
@ApplicationScoped
public class DutyGauges implements GaugeSource {

    private final Pool pool;

    public DutyGauges(Pool pool) {
        this.pool = pool;
    }

    @Override
    public List<PlatformGauge> gauges() {
        return List.of(
                PlatformGauge.count("platform.breach.duties.due.within24h", "Pending breach notification duties due"
                        + " within the next 24 hours", SqlCount.of(pool, "SELECT count(*) FROM notification_duty"
                                + " WHERE state = 'PENDING' AND due_at > now() AND due_at <= now() + interval '24 hours'")),
                PlatformGauge.count("platform.breach.duties.late", "Pending breach notification duties past their"
                        + " due time", SqlCount.of(pool, "SELECT count(*) FROM notification_duty"
                                + " WHERE state = 'PENDING' AND due_at <= now()")),
                PlatformGauge.count("platform.breach.partners.under.emergency.order", "Partners with at least one"
                        + " active emergency order", SqlCount.of(pool, "SELECT count(DISTINCT partner_id)"
                                + " FROM emergency_order WHERE state = 'ACTIVE'")));
    }
}
