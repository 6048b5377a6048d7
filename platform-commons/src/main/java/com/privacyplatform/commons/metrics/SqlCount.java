package com.privacyplatform.commons.metrics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.function.Supplier;

/** Reads a gauge with one SQL statement answering one row with one number (a count, an age). */
public final class SqlCount {

    private SqlCount() {
    }

    /** {@code sql} must answer exactly one row whose first column is a number (NULL reads as 0). */
    public static Supplier<Uni<Long>> of(Pool pool, String sql) {
        return () -> pool.query(sql).execute().map(SqlCount::first);
    }

    /**
     * As {@link #of(Pool, String)}, with the one parameter {@code $1} taken anew at each reading: the
     * platform clock's now or today, so that a gauge about deadlines reads the time the services decide by
     * (never the database's {@code now()}).
     */
    public static Supplier<Uni<Long>> of(Pool pool, String sql, Supplier<?> parameter) {
        return () -> pool.preparedQuery(sql).execute(Tuple.of(parameter.get())).map(SqlCount::first);
    }

    private static long first(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        Number n = (Number) row.getValue(0);
        return n == null ? 0L : n.longValue();
    }
}
