package com.privacyplatform.registry.metrics;

import com.privacyplatform.commons.metrics.GaugeSource;
import com.privacyplatform.commons.metrics.PlatformGauge;
import com.privacyplatform.commons.metrics.SqlCount;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.inspection.InspectionDueQueries;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The registry's oversight clocks as totals, for the operators' alerts: partners whose periodic
 * self-inspection report is overdue (3.4.e, {@link InspectionDueQueries}) and audit findings whose
 * rectification is overdue (open or reopened past their due day, UTC; as the finding overdue scan), both
 * by the platform clock's day.
 * Totals only - which partner is the API's view.
 */
@ApplicationScoped
public class OversightGauges implements GaugeSource {

    private final Pool pool;
    private final InspectionDueQueries inspections;
    private final PlatformClock clock;

    public OversightGauges(Pool pool, InspectionDueQueries inspections, PlatformClock clock) {
        this.pool = pool;
        this.inspections = inspections;
        this.clock = clock;
    }

    @Override
    public List<PlatformGauge> gauges() {
        return List.of(
                PlatformGauge.count("platform.registry.self.inspections.overdue", "Active or suspended partners"
                        + " whose self-inspection report is overdue",
                        SqlCount.of(pool, inspections.overdueCountSql(), clock::today)),
                PlatformGauge.count("platform.registry.audit.findings.overdue", "Audit findings awaiting the"
                        + " partner's rectification past their due day", SqlCount.of(pool, "SELECT count(*) FROM"
                                + " assessment_finding WHERE status IN ('OPEN', 'REOPENED')"
                                + " AND rectification_due < CAST($1 AS date)", clock::today)));
    }
}
