package com.privacyplatform.commons.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database connection was lost" (503) and which do not (their own answers). */
class ConnectionLossTest {

    private static PgException pg(String sqlState) {
        return new PgException("server said so", "FATAL", sqlState, null);
    }

    @Test
    void theShapesALostConnectionTakesAreRecognized() {
        assertThat(ConnectionLoss.is(pg("57P01"))).as("pg_terminate_backend, failover").isTrue();
        assertThat(ConnectionLoss.is(pg("57P03"))).as("the server is starting").isTrue();
        assertThat(ConnectionLoss.is(pg("08006"))).as("connection failure").isTrue();
        assertThat(ConnectionLoss.is(pg("08001"))).as("unable to connect").isTrue();
        assertThat(ConnectionLoss.is(pg("57P02"))).as("crash shutdown").isTrue();
        assertThat(ConnectionLoss.is(pg("53300"))).as("too many connections").isTrue();
        assertThat(ConnectionLoss.is(new CompletionException(new HibernateException(pg("53300"))))).isTrue();
        assertThat(ConnectionLoss.is(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(ConnectionLoss.is(new HibernateException(new SocketException("Connection reset")))).isTrue();
        assertThat(ConnectionLoss.is(new CompletionException(new ConnectException("Connection refused")))).isTrue();
        assertThat(ConnectionLoss.is(new JDBCConnectionException("lost", new SQLException("lost", "08003")))).isTrue();
        assertThat(ConnectionLoss.is(new io.vertx.core.VertxException(
                "Pending requests failed to be sent due to connection has been closed.", new SocketException()))).isTrue();
        // the cleanup of a failed transaction fails too (HR000090 on close): the original failure decides
        assertThat(ConnectionLoss.is(new CompositeException(List.of(new SocketException("Connection reset"),
                new IllegalStateException("HR000090: Live transaction detected while closing the connection"))))).isTrue();
    }

    @Test
    void otherDatabaseAnswersAreNotALostConnection() {
        assertThat(ConnectionLoss.is(pg("23505"))).as("unique violation").isFalse();
        assertThat(ConnectionLoss.is(pg("40001"))).as("serialization failure").isFalse();
        assertThat(ConnectionLoss.is(pg("53200"))).as("out of memory: not a refused connection").isFalse();
        assertThat(ConnectionLoss.is(pg("57014"))).as("statement timeout").isFalse();
        assertThat(ConnectionLoss.is(new ConstraintViolationException("dup", new SQLException("dup", "23505"), "pk")))
                .isFalse();
        // a constraint violation at COMMIT whose cleanup then failed stays a constraint violation
        assertThat(ConnectionLoss.is(new CompositeException(List.of(pg("23505"),
                new IllegalStateException("HR000090: Live transaction detected while closing the connection"))))).isFalse();
        assertThat(ConnectionLoss.is(new IllegalStateException("no"))).isFalse();
        assertThat(ConnectionLoss.is(null)).isFalse();
    }

    @Test
    void theProblemSaysWhetherTheOutcomeIsKnown() {
        DatabaseUnavailableException read = ConnectionLoss.unguarded(pg("57P01"), "GET");
        assertThat(read.problem().status()).isEqualTo(503);
        assertThat(read.problem().type()).isEqualTo("https://privacy-platform.example/problems/database-unavailable");
        assertThat(read.problem().detail()).contains("nothing was changed");
        assertThat(read.headers()).containsEntry("Retry-After", "2");
        DatabaseUnavailableException write = ConnectionLoss.unguarded(pg("57P01"), "POST");
        assertThat(write.problem().detail()).contains("outcome is unknown").contains("Idempotency-Key");
        assertThat(write.getCause()).isInstanceOf(PgException.class);
    }
}
