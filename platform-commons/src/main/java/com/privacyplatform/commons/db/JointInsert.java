package com.privacyplatform.commons.db;

import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * Inserts one row into each of several tables with one statement in the caller's transaction: every
 * row but the last in a data-modifying {@code WITH} part, e.g. a consent decision, its history entry,
 * its outbox event and its audit record - one round trip and no ORM bookkeeping where persisting
 * entities cost an insert action, a flush and a statement each (the hot write path of issue 16).
 * The statement goes straight to the session's connection as a prepared statement with positional
 * parameters (its text is the same on every call, so the driver's statement cache keeps it), after
 * nothing else: flush first what the rows refer to. A failure converts as Hibernate's own statements'
 * do (a unique violation is Hibernate's {@code ConstraintViolationException}, answered 409).
 *
 * <p>The parts run as one statement: their rows become visible together, foreign keys between them
 * are checked at its end, each table's statement-level triggers fire once (a {@code NOTIFY} too), and
 * nothing orders the rows of different tables - each part is one row. Rows written this way are not
 * in the session: read them again if they must change in the same transaction.
 *
 * <p>A write that is nothing but this one statement needs no transaction block at all:
 * {@link #insertAlone} runs it on the pool, atomic by itself - no session, no {@code BEGIN} and
 * {@code COMMIT} round trips - and through {@link GroupCommit}, which sends the calls that arrive
 * while others are on their way as one batch with one commit.
 */
public final class JointInsert {

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * One table's row.
     *
     * @param table  the table
     * @param values its columns and a {@code VALUES} list with one {@code ?} per value, e.g.
     *               {@code "(id, payload) VALUES (?, CAST(CAST(? AS text) AS jsonb))"} (no {@code ?}
     *               elsewhere, nor in a literal); its text must not change between calls
     * @param params the values, in the order of the {@code ?}: strings, numbers, booleans, UUIDs,
     *               {@code OffsetDateTime}s, {@code String[]} (a {@code text[]}), or null
     */
    public record Part(String table, String values, Object... params) {

        /** The columns it writes (a test can hold them against the table's). */
        public List<String> columns() {
            String list = values.substring(values.indexOf('(') + 1, values.indexOf(')'));
            return Arrays.stream(list.split(",")).map(String::strip).toList();
        }
    }

    private JointInsert() {
    }

    /** Runs the parts as one statement on the session's connection (in its transaction). */
    public static Uni<Void> insert(Mutiny.Session session, List<Part> parts) {
        if (parts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> params = new ArrayList<>();
        String sql = statement(parts, params);
        return Uni.createFrom().completionStage(() -> connection(session).update(sql, params.toArray()))
                .replaceWithVoid();
    }

    /**
     * Runs the parts as one statement on the pool, outside any transaction block, for a write that
     * consists of nothing else: atomic by itself, or committed together with other writes of the same
     * statement sent meanwhile ({@link GroupCommit}). A unique violation is the same 409 as through a
     * session ({@code ProblemMappers}: "the request conflicts with existing data").
     */
    public static Uni<Void> insertAlone(GroupCommit group, List<Part> parts) {
        if (parts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> params = new ArrayList<>();
        String sql = statement(parts, params);
        return group.execute(sql, Tuple.from(params))
                .onFailure(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .transform(e -> ProblemException.of(ProblemType.CONFLICT, "the request conflicts with existing data"));
    }

    /** The statement of the parts (their {@code ?} numbered {@code $1...}); their values appended to {@code params}. */
    static String statement(List<Part> parts, List<Object> params) {
        StringBuilder sql = new StringBuilder(256);
        int last = parts.size() - 1;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (i < last) {
                sql.append(i == 0 ? "WITH " : ", ").append('p').append(i).append(" AS (");
            } else if (last > 0) {
                sql.append(' ');
            }
            sql.append("INSERT INTO ").append(part.table()).append(' ');
            int from = params.size();
            String values = part.values();
            int marks = 0;
            for (int c = 0; c < values.length(); c++) {
                char ch = values.charAt(c);
                if (ch == '?') {
                    sql.append('$').append(from + ++marks);
                } else {
                    sql.append(ch);
                }
            }
            if (marks != part.params().length) {
                throw new IllegalArgumentException(part.table() + ": " + marks + " placeholders for "
                        + part.params().length + " values");
            }
            params.addAll(Arrays.asList(part.params()));
            if (i < last) {
                sql.append(')');
            }
        }
        return sql.toString();
    }

    private static ReactiveConnection connection(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + session.getClass().getName());
    }
}
