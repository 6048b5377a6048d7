package com.privacyplatform.commons.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupCommit} against the real PostgreSQL: calls that arrive while the batches in flight are held
 * up (the table locked by another transaction) go together as batches, every row exactly once; a batch
 * one of whose rows violates a key is sent again call by call, so that only that call fails; a batch whose
 * connection is lost fails every call as a lost connection and is not sent again; each call completes on
 * the Vert.x context it was made on.
 */
@QuarkusTest
class GroupCommitTest {

    private static final String INSERT = "INSERT INTO group_commit_probe (id, n) VALUES ($1, $2)";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    GroupCommit group;

    @Inject
    Vertx vertx;

    @BeforeEach
    void probeTable() {
        TestDb.execute("CREATE TABLE IF NOT EXISTS group_commit_probe (id uuid PRIMARY KEY, n int NOT NULL)",
                "TRUNCATE group_commit_probe");
    }

    @Test
    void callsArrivingWhileBatchesAreInFlightCommitTogetherEachRowOnce() throws Exception {
        int before = group.batchesSent();
        List<UUID> ids = new ArrayList<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        try (Connection lock = locked()) {
            for (int i = 0; i < 50; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                calls.add(insert(id, i));
            }
            awaitWaiting(2); // the two slots' statements wait for the lock; the other 48 calls queue behind them
            assertThat(calls).noneMatch(CompletableFuture::isDone);
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(TestDb.count("SELECT count(*) FROM group_commit_probe")).isEqualTo(50);
        assertThat(TestDb.count("SELECT count(DISTINCT id) FROM group_commit_probe WHERE id::text = ANY(?)",
                (Object) texts(ids))).isEqualTo(50);
        assertThat(group.batchesSent() - before).as("batches of more than one call").isBetween(1, 48);
    }

    @Test
    void aRefusedBatchIsSentAgainCallByCallSoThatOnlyTheOffendingCallFails() throws Exception {
        UUID taken = UUID.randomUUID();
        TestDb.execute("INSERT INTO group_commit_probe (id, n) VALUES ('" + taken + "', -1)");
        List<UUID> fresh = new ArrayList<>();
        List<CompletableFuture<Void>> good = new ArrayList<>();
        CompletableFuture<Void> duplicate;
        try (Connection lock = locked()) {
            for (int i = 0; i < 2; i++) { // the two slots, held up by the lock
                UUID id = UUID.randomUUID();
                fresh.add(id);
                good.add(insert(id, i));
            }
            awaitWaiting(2);
            // these three queue and go as one batch, which the duplicate key aborts
            UUID before = UUID.randomUUID();
            fresh.add(before);
            good.add(insert(before, 10));
            duplicate = insert(taken, 11);
            UUID after = UUID.randomUUID();
            fresh.add(after);
            good.add(insert(after, 12));
        }
        CompletableFuture.allOf(good.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(duplicate).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingRootCause().isInstanceOf(PgException.class)
                .matches(e -> "23505".equals(((PgException) e).getSqlState()), "a unique violation");
        assertThat(TestDb.count("SELECT count(*) FROM group_commit_probe WHERE id::text = ANY(?)",
                (Object) texts(fresh))).isEqualTo(4);
        assertThat(TestDb.count("SELECT count(*) FROM group_commit_probe WHERE id = ?", taken)).isEqualTo(1);
        assertThat(TestDb.single("SELECT n FROM group_commit_probe WHERE id = ?", taken)).isEqualTo(-1);
    }

    @Test
    void aBatchWhoseConnectionIsLostFailsEveryCallAsALostConnectionAndIsNotSentAgain() throws Exception {
        List<UUID> ids = new ArrayList<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        try (Connection lock = locked()) {
            for (int i = 0; i < 2; i++) {
                calls.add(insert(track(ids), i));
            }
            List<Object> singles = awaitWaiting(2, List.of());
            for (int i = 0; i < 6; i++) {
                calls.add(insert(track(ids), 100 + i));
            }
            // one of the two calls in flight alone is cancelled (an error; its connection lives on), so its
            // slot sends the six queued as one batch, held up by the lock in turn, whose connection is lost
            TestDb.rows("SELECT pg_cancel_backend(?)", singles.get(0));
            assertThat(calls.get(0)).failsWithin(WAIT).withThrowableOfType(Exception.class)
                    .matches(e -> !ConnectionLoss.is(e.getCause()), "not a lost connection");
            List<Object> batch = awaitWaiting(1, singles.subList(1, 2)); // perhaps on the cancelled call's connection
            terminateWaiting(batch);
            for (CompletableFuture<Void> call : calls.subList(2, 8)) {
                assertThat(call).failsWithin(WAIT).withThrowableOfType(Exception.class)
                        .matches(e -> ConnectionLoss.is(e.getCause()), "a lost connection");
            }
        }
        calls.get(1).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // the batch's transaction was rolled back with its connection, and none of its calls was sent again
        assertThat(TestDb.count("SELECT count(*) FROM group_commit_probe")).isEqualTo(1);
        assertThat(TestDb.single("SELECT id FROM group_commit_probe")).isEqualTo(ids.get(1));
    }

    @Test
    void eachCallCompletesOnTheContextItWasMadeOn() throws Exception {
        List<CompletableFuture<Boolean>> sameContext = new ArrayList<>();
        try (Connection lock = locked()) {
            for (int i = 0; i < 12; i++) {
                Context context = vertx.getOrCreateContext();
                CompletableFuture<Boolean> same = new CompletableFuture<>();
                UUID id = UUID.randomUUID();
                int n = i;
                context.runOnContext(v -> group.execute(INSERT, Tuple.of(id, n)).subscribe().with(
                        ok -> same.complete(Vertx.currentContext() == context), same::completeExceptionally));
                sameContext.add(same);
            }
            awaitWaiting(2);
        }
        for (CompletableFuture<Boolean> same : sameContext) {
            assertThat(same.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        assertThat(TestDb.count("SELECT count(*) FROM group_commit_probe")).isEqualTo(12);
    }

    private CompletableFuture<Void> insert(UUID id, int n) {
        return group.execute(INSERT, Tuple.of(id, n)).subscribeAsCompletionStage();
    }

    private static UUID track(List<UUID> ids) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        return id;
    }

    /** A transaction of the test's own holding the probe table against every insert until closed. */
    private static Connection locked() throws Exception {
        Connection c = TestDb.connect();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE group_commit_probe IN EXCLUSIVE MODE");
        }
        return c;
    }

    private static void awaitWaiting(int n) throws InterruptedException {
        awaitWaiting(n, List.of());
    }

    /**
     * Until at least {@code n} of the service's statements on the probe table, on backends other than
     * {@code except}, wait for the lock; returns those backends' pids.
     */
    private static List<Object> awaitWaiting(int n, List<Object> except) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Object> pids = new ArrayList<>();
            for (List<Object> row : TestDb.rows("SELECT pid FROM pg_stat_activity WHERE query LIKE"
                    + " 'INSERT INTO group_commit_probe%' AND wait_event_type = 'Lock'")) {
                if (!except.contains(row.get(0))) {
                    pids.add(row.get(0));
                }
            }
            if (pids.size() >= n) {
                return pids;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(n + " statements did not come to wait for the lock within " + WAIT + "; backends: "
                + TestDb.rows("SELECT pid, state, wait_event_type, left(query, 60) FROM pg_stat_activity"
                + " WHERE datname = current_database()"));
    }

    private static List<Object> terminateWaiting(List<Object> pids) {
        for (Object pid : pids) {
            TestDb.rows("SELECT pg_terminate_backend(?)", pid);
        }
        return pids;
    }

    private static String[] texts(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
