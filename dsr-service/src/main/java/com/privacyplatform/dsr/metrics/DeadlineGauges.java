package com.privacyplatform.dsr.metrics;

import com.privacyplatform.commons.metrics.GaugeSource;
import com.privacyplatform.commons.metrics.PlatformGauge;
import com.privacyplatform.commons.metrics.SqlCount;
import com.privacyplatform.commons.time.PlatformClock;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The deadlines of data-subject requests and their tasks as totals (3.5.b-c "promptly"), for the
 * operators' alerts: due within the next 48 hours, and overdue. The same rules as the overdue scan
 * ({@code OverdueScanner}): a request is overdue after its due day (UTC) while OPEN, a task after its
 * deadline's instant while OPEN or CLAIMED, both by the platform clock. Totals only - the per-partner view
 * is the API's.
 */
@ApplicationScoped
public class DeadlineGauges implements GaugeSource {

    /** The end of a request's due day (UTC): it is met until then. */
    private static final String REQUEST_DEADLINE = "(CAST(due_on + 1 AS timestamp) AT TIME ZONE 'UTC')";
    /** The platform clock's now, the statements' one parameter. */
    private static final String NOW = "CAST($1 AS timestamptz)";

    private final Pool pool;
    private final PlatformClock clock;

    public DeadlineGauges(Pool pool, PlatformClock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public List<PlatformGauge> gauges() {
        return List.of(
                PlatformGauge.count("platform.dsr.requests.overdue", "Open data-subject requests past their due day",
                        SqlCount.of(pool, "SELECT count(*) FROM dsr_request WHERE status = 'OPEN' AND "
                                + REQUEST_DEADLINE + " <= " + NOW, clock::now)),
                PlatformGauge.count("platform.dsr.requests.due.within48h", "Open data-subject requests whose due"
                        + " day ends within the next 48 hours", SqlCount.of(pool, "SELECT count(*) FROM dsr_request"
                                + " WHERE status = 'OPEN' AND " + REQUEST_DEADLINE + " > " + NOW + " AND "
                                + REQUEST_DEADLINE + " <= " + NOW + " + interval '48 hours'", clock::now)),
                PlatformGauge.count("platform.dsr.tasks.overdue", "Unresolved data-subject request tasks (open or"
                        + " claimed) past their deadline", SqlCount.of(pool, "SELECT count(*) FROM dsr_task"
                                + " WHERE status IN ('OPEN', 'CLAIMED') AND due_at < " + NOW, clock::now)),
                PlatformGauge.count("platform.dsr.tasks.due.within48h", "Unresolved data-subject request tasks"
                        + " whose deadline is within the next 48 hours", SqlCount.of(pool, "SELECT count(*) FROM"
                                + " dsr_task WHERE status IN ('OPEN', 'CLAIMED') AND due_at >= " + NOW
                                + " AND due_at < " + NOW + " + interval '48 hours'", clock::now)));
    }
}
