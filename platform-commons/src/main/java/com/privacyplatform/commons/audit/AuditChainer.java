package com.privacyplatform.commons.audit;

import com.privacyplatform.commons.audit.AuditHashes.AuditEntry;
import com.privacyplatform.commons.db.NotifyLinger;
import com.privacyplatform.commons.db.NotifyListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import com.privacyplatform.commons.db.CustomPlans;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Links appended audit records into the hash chain (4.1, 1.8), so that writers never wait for
 * each other (DESIGN.md "Audit trail").
 *
 * <p>One chainer at a time per database: every replica runs this, but a run links only while it
 * holds a transaction-scoped advisory lock (the others skip and retry shortly), and the head row
 * it updates is locked for the run as well. A run reads the head, takes the committed records
 * that are not chained yet in append order, gives them the next sequence numbers and hashes
 * (each naming its predecessor's hash) and moves the head, all in one transaction.
 *
 * <p>Why no record is ever skipped: a run selects by "not chained yet" ({@code seq IS NULL}),
 * not by "append_seq above the last one linked". A transaction that appended earlier (smaller
 * append_seq) but commits after a run simply is not visible to that run; its records stay
 * unchained and the next run (woken by its commit's NOTIFY, or the poll) links them after
 * everything linked before. The chain order is therefore the order in which records became
 * committed as seen by successive runs, and inside one run the append order (which respects a
 * transaction's own order; a transaction that started after another committed draws larger
 * append numbers). Records appended but not yet linked are reported by verification as
 * "unchained", apart from tampering.
 */
@ApplicationScoped
public class AuditChainer {

    private static final Logger LOG = Logger.getLogger(AuditChainer.class);
    /** The channel the record table's insert trigger NOTIFYs on at commit. */
    static final String CHANNEL = "platform_audit";
    private static final long LOCK_KEY = 0x0b0c_0002L; // pg advisory lock: "audit chainer"
    private static final int BUSY = -1;

    private final Pool pool;
    private final Vertx vertx;
    private final AuditConfig.Chainer config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private NotifyListener listener;
    private long pollTimer = -1;

    public AuditChainer(Pool pool, Vertx vertx, AuditConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config.chainer();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("audit chainer disabled on this instance");
            return;
        }
        listener = new NotifyListener(vertx, ConfigProvider.getConfig(), CHANNEL,
                new NotifyLinger(vertx, config.linger(), this::trigger));
        listener.start();
        pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> trigger());
    }

    void stop(@Observes ShutdownEvent event) {
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
        if (listener != null) {
            listener.stop();
        }
    }

    /** Asks for a chainer run; coalesces concurrent requests (one more run follows a busy one). */
    public void trigger() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        chainBatch().subscribe().with(this::afterBatch, this::afterFailure);
    }

    private void afterBatch(int linked) {
        running.set(false);
        if (linked == BUSY) {
            vertx.setTimer(config.busyRetry().toMillis(), id -> trigger());
        } else if (linked >= config.batchSize() || again.getAndSet(false)) {
            vertx.runOnContext(v -> trigger());
        }
    }

    private void afterFailure(Throwable e) {
        running.set(false);
        LOG.warnf("audit chainer run failed (%s); the poll retries", e.getMessage());
    }

    /**
     * Links everything committed and not chained yet (several batches if needed), unless another
     * instance is chaining right now. For on-demand checkpoints.
     */
    public Uni<Void> chainPending() {
        return chainBatch().chain(n -> n >= config.batchSize() ? chainPending() : Uni.createFrom().voidItem());
    }

    /** @return how many records were linked, or {@link #BUSY} when another instance holds the chainer lock */
    Uni<Integer> chainBatch() {
        return pool.withTransaction(conn -> conn
                .query(CustomPlans.SELECT_PREFIX + "pg_try_advisory_xact_lock(" + LOCK_KEY + ") AS locked")
                .execute()
                .chain(rows -> rows.iterator().next().getBoolean("locked") ? link(conn)
                        : Uni.createFrom().item(BUSY)));
    }

    private Uni<Integer> link(SqlConnection conn) {
        return conn.query("SELECT last_seq, last_hash FROM platform_audit_head WHERE id = 1 FOR UPDATE").execute()
                .map(rows -> rows.iterator().next())
                .chain(head -> conn.preparedQuery("SELECT append_seq, recorded_at, actor, actor_role, action,"
                                + " target_type, target_id, details FROM platform_audit_record WHERE seq IS NULL"
                                + " ORDER BY append_seq LIMIT $1")
                        .execute(Tuple.of(config.batchSize()))
                        .chain(rows -> {
                            List<Row> pending = new ArrayList<>();
                            rows.forEach(pending::add);
                            return pending.isEmpty() ? Uni.createFrom().item(0)
                                    : write(conn, head.getLong("last_seq"), head.getString("last_hash"), pending);
                        }));
    }

    private Uni<Integer> write(SqlConnection conn, long lastSeq, String lastHash, List<Row> pending) {
        int n = pending.size();
        Long[] appendSeqs = new Long[n];
        Long[] seqs = new Long[n];
        String[] prevHashes = new String[n];
        String[] hashes = new String[n];
        long seq = lastSeq;
        String hash = lastHash;
        for (int i = 0; i < n; i++) {
            Row r = pending.get(i);
            seq++;
            appendSeqs[i] = r.getLong("append_seq");
            seqs[i] = seq;
            prevHashes[i] = hash;
            hash = AuditHashes.of(seq, entryOf(r), hash);
            hashes[i] = hash;
        }
        long headSeq = seq;
        String headHash = hash;
        return conn.preparedQuery("UPDATE platform_audit_record r SET seq = u.seq, prev_hash = u.prev_hash,"
                        + " hash = u.hash FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])"
                        + " AS u(append_seq, seq, prev_hash, hash) WHERE r.append_seq = u.append_seq")
                .execute(Tuple.of(appendSeqs, seqs, prevHashes, hashes))
                .chain(() -> conn.preparedQuery("UPDATE platform_audit_head SET last_seq = $1, last_hash = $2"
                        + " WHERE id = 1").execute(Tuple.of(headSeq, headHash)))
                .replaceWith(n);
    }

    static AuditEntry entryOf(Row r) {
        return new AuditEntry(r.getOffsetDateTime("recorded_at").toInstant(), r.getString("actor"),
                r.getString("actor_role"), r.getString("action"), r.getString("target_type"),
                r.getString("target_id"), r.getString("details"));
    }
}
