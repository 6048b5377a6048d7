package com.privacyplatform.commons.metrics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.util.function.Supplier;

/** Reads a gauge with one SQL statement answering one row with one number (a count, an age). */
public final class SqlCount {

    private SqlCount() {
    }

    /** {@code sql} must answer exactly one row whose first column is a number (NULL reads as 0). */
    public static Supplier<Uni<Long>> of(Pool pool, String sql) {
        return () -> pool.query(sql).execute().map(rows -> {
            Row row = rows.iterator().next();
            Number n = (Number) row.getValue(0);
            return n == null ? 0L : n.longValue();
        });
    }
}
