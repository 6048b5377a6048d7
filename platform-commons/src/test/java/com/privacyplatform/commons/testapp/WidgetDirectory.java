package com.privacyplatform.commons.testapp;

import com.privacyplatform.commons.projection.Reconciler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test application's projection: table {@code widget_directory}, rebuilt from a source that the
 * test controls (reachable or not, its entries), as a service rebuilds its projection from another
 * service's snapshots.
 */
@ApplicationScoped
public class WidgetDirectory implements Reconciler {

    public static final String PROJECTION = "commons-widget-directory";

    /** The source's entries (name -> colour). */
    private final Map<String, String> source = new ConcurrentHashMap<>();
    /** Whether the source answers; until it does, the projection cannot be built. */
    private volatile boolean reachable;

    private final Pool pool;

    public WidgetDirectory(Pool pool) {
        this.pool = pool;
    }

    /** The test's hand on the source: its entries from now on. */
    public void announce(Map<String, String> entries) {
        source.clear();
        source.putAll(entries);
    }

    /** The test's hand on the source: whether it answers. */
    public void reachable(boolean answers) {
        reachable = answers;
    }

    @Override
    public String projection() {
        return PROJECTION;
    }

    @Override
    public boolean hasSource() {
        return true;
    }

    @Override
    public Uni<Integer> reconcile() {
        if (!reachable) {
            return Uni.createFrom().failure(new IllegalStateException("widget source unreachable"));
        }
        // an entry counts as repaired when it was missing or different; an extra row is removed
        return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO widget_directory (name, colour)"
                                + " SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (name) DO UPDATE SET colour ="
                                + " EXCLUDED.colour WHERE widget_directory.colour IS DISTINCT FROM EXCLUDED.colour")
                        .execute(Tuple.of(source.keySet().toArray(String[]::new),
                                source.keySet().stream().map(source::get).toArray(String[]::new)))
                        .chain(upserted -> conn.preparedQuery("DELETE FROM widget_directory WHERE NOT (name = ANY($1))")
                                .execute(Tuple.of((Object) source.keySet().toArray(String[]::new)))
                                .map(deleted -> upserted.rowCount() + deleted.rowCount())));
    }

    /** The colour the projection holds for {@code name}, or null. */
    public Uni<String> colour(String name) {
        return pool.preparedQuery("SELECT colour FROM widget_directory WHERE name = $1").execute(Tuple.of(name))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }
}
