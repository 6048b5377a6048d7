package com.privacyplatform.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Cuts the service's database connections at a chosen moment, deterministically: the test holds a
 * lock (an advisory lock, or a table lock) on its own JDBC connection, waits until one of the
 * service's backends is blocked behind it, and terminates exactly that backend with
 * {@code pg_terminate_backend} - what a failover, a restart or an administrator does to a live
 * connection. Test databases only; the service's other connections (pool, LISTEN) are left alone.
 */
public final class Backends {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Backends() {
    }

    /** A lock held on the test's own connection until {@link #close()}. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;
        private final int pid;

        private Held(Connection connection) throws SQLException {
            this.connection = connection;
            this.pid = ((Number) query(connection, "SELECT pg_backend_pid()")).intValue();
        }

        /** The backend that holds the lock (never terminated by {@link Backends}). */
        public int pid() {
            return pid;
        }

        /**
         * Waits until a backend other than {@code except} is blocked behind this lock and returns it,
         * with the statement it is running.
         */
        public Blocked awaitBlocked(Collection<Integer> except) {
            return awaitBlockedBehind(pid, except);
        }

        public Blocked awaitBlocked() {
            return awaitBlocked(Set.of());
        }

        /** Releases the lock (ends the transaction or the session); closing twice is harmless. */
        @Override
        public void close() {
            try {
                if (connection.isClosed()) {
                    return;
                }
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    /** Waits until a backend other than {@code except} waits for a lock that backend {@code holder} holds. */
    public static Blocked awaitBlockedBehind(int holder, Collection<Integer> except) {
        List<List<Object>> found = await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> TestDb.rows("SELECT pid, query FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))"
                        + " ORDER BY backend_start", holder).stream()
                        .filter(row -> !except.contains(((Number) row.get(0)).intValue())).toList(),
                        rows -> !rows.isEmpty());
        return new Blocked(((Number) found.get(0).get(0)).intValue(), (String) found.get(0).get(1));
    }

    /** A backend of the service that waits behind a held lock. */
    public record Blocked(int pid, String query) {
        /** Waits until another backend waits for a lock this one holds (e.g. a row it inserted). */
        public Blocked awaitBlockedBehind() {
            return Backends.awaitBlockedBehind(pid, Set.of());
        }


        /** Terminates it as an administrator would; its transaction is rolled back by the server. */
        public void terminate() {
            if (!Boolean.TRUE.equals(TestDb.single("SELECT pg_terminate_backend(?)", pid))) {
                throw new IllegalStateException("backend " + pid + " was not terminated");
            }
            await().atMost(WAIT).until(() -> TestDb.count("SELECT count(*) FROM pg_stat_activity WHERE pid = ?", pid) == 0);
        }
    }

    /** Holds the session-level advisory lock {@code key}: whoever takes it in the database waits. */
    public static Held advisoryLock(long key) {
        try {
            Connection c = TestDb.connect();
            query(c, "SELECT pg_advisory_lock(" + key + ")");
            return new Held(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Holds {@code LOCK TABLE table IN ACCESS EXCLUSIVE MODE}: every statement touching the table waits. */
    public static Held tableLock(String table) {
        try {
            Connection c = TestDb.connect();
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            }
            return new Held(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Object query(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }
}
