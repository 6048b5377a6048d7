package com.privacyplatform.commons.db;

import com.privacyplatform.commons.db.DatabaseUnavailableException.Outcome;
import io.smallrye.mutiny.CompositeException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Recognizes a lost or refused database connection among the shapes it takes on its way up: the
 * reactive client's {@code ClosedConnectionException} and "Pending requests failed ... connection
 * has been closed", the server's {@code FATAL} with SQLSTATE 57P01 (admin_shutdown, e.g.
 * {@code pg_terminate_backend}, a failover), 57P02, 57P03, class 08 (connection exception) or 53300
 * (too many connections: a new connection refused), a reset or refused socket, and the same wrapped by Hibernate ({@code HibernateException},
 * {@code JDBCConnectionException}) or by Mutiny. When a failed transaction is cleaned up, the
 * cleanup fails too (Hibernate Reactive's HR000090 "Live transaction detected" on close, a failed
 * rollback) and Mutiny reports a {@link CompositeException}: only its first, original failure is
 * judged, so a constraint violation at COMMIT stays a constraint violation.
 */
public final class ConnectionLoss {

    private static final Logger LOG = Logger.getLogger(ConnectionLoss.class);
    private static final int MAX_DEPTH = 12;
    private static final String PENDING_FAILED = "Pending requests failed to be sent due to connection has been closed";

    private ConnectionLoss() {
    }

    /** True when {@code failure} (or what it wraps) says the database connection was lost or refused. */
    public static boolean is(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.add(current); depth++) {
            if (current instanceof CompositeException composite && !composite.getCauses().isEmpty()) {
                current = composite.getCauses().get(0);
                continue;
            }
            if (lost(current)) {
                return true;
            }
            if (current instanceof DatabaseException || current instanceof JDBCException && !(current
                    instanceof JDBCConnectionException)) {
                return false; // the server answered with another error (constraint, syntax, ...)
            }
            current = current.getCause();
        }
        return false;
    }

    /**
     * The 503 for a lost connection that reached the exception mapper without passing a guard
     * ({@link TransactionGuard}, {@link ReadRetry}): a safe method changed nothing, any other may have.
     */
    public static DatabaseUnavailableException unguarded(Throwable failure, String httpMethod) {
        boolean safe = "GET".equals(httpMethod) || "HEAD".equals(httpMethod) || "OPTIONS".equals(httpMethod);
        return answer(safe ? Outcome.NOT_APPLIED : Outcome.UNKNOWN, failure);
    }

    /**
     * The 503 for a lost connection while a write was still reading what it needs on the pool, before
     * its transaction opened or anything was written (consent-service's recording reads the partner
     * and the subject's decisions so): nothing changed.
     */
    public static DatabaseUnavailableException beforeWriting(Throwable failure) {
        return answer(Outcome.NOT_APPLIED, failure);
    }

    static DatabaseUnavailableException answer(Outcome outcome, Throwable failure) {
        LOG.warnf("database connection lost (%s); answering 503, outcome %s", summary(failure), outcome);
        LOG.debug("the lost connection's failure", failure);
        return new DatabaseUnavailableException(outcome, failure);
    }

    /** The failure's kinds, outermost first (class names only: driver messages may quote values). */
    static String summary(Throwable failure) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 4 && seen.add(current); depth++) {
            out.append(depth == 0 ? "" : " <- ").append(current.getClass().getSimpleName());
            current = current instanceof CompositeException c && !c.getCauses().isEmpty() ? c.getCauses().get(0)
                    : current.getCause();
        }
        return out.toString();
    }

    private static boolean lost(Throwable e) {
        return e instanceof ClosedConnectionException
                || e instanceof SocketException // reset, refused (ConnectException), broken pipe
                || e instanceof ClosedChannelException
                || e instanceof JDBCConnectionException
                || e instanceof DatabaseException db && connectionState(db.getSqlState())
                || e instanceof JDBCException jdbc && connectionState(jdbc.getSQLState())
                || e.getMessage() != null && e.getMessage().startsWith(PENDING_FAILED);
    }

    /**
     * Class 08 connection exceptions, 57P01-57P03 (the server shuts the connection or refuses it) and
     * 53300 too_many_connections (the server is full - {@code max_connections}, or a role's or the
     * database's {@code CONNECTION LIMIT} - and refuses a new connection with a FATAL).
     */
    static boolean connectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03") || sqlState.equals("53300"));
    }
}
