package com.privacyplatform.commons.db;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes many rows of one table in the caller's transaction with multi-row {@code INSERT ... VALUES}
 * statements: one round trip and one statement per {@code rowsPerStatement} rows, where persisting
 * entities costs the persistence context's bookkeeping for every row and a statement each (bulk effects:
 * the outbox and audit trail of many objects, a mass deletion's requests, tasks and timeline). The rows
 * go in the list's order (an identity or sequence column draws its values in that order). Entities
 * written this way are not in the session: read them again if they must change in the same transaction.
 *
 * @param <T> what one row is made of
 */
public final class MultiRowInsert<T> {

    /** PostgreSQL's limit of parameters in one statement. */
    private static final int MAX_PARAMETERS = 65_535;

    private final List<String> columns;
    private final String head;
    private final String row;
    private final int rowsPerStatement;
    private final BiConsumer<Row, T> binder;

    /**
     * @param table   the table
     * @param columns its columns, in the order the binder sets them
     * @param values  one placeholder per column, {@code ?} or a cast such as {@code CAST(? AS text[])}
     * @param binder  sets one row's values in column order ({@link Row#set})
     */
    public MultiRowInsert(String table, List<String> columns, List<String> values, BiConsumer<Row, T> binder) {
        if (columns.isEmpty() || columns.size() != values.size()) {
            throw new IllegalArgumentException("one value placeholder per column");
        }
        this.columns = List.copyOf(columns);
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.row = "(" + String.join(", ", values) + ")";
        this.rowsPerStatement = Math.min(1000, MAX_PARAMETERS / columns.size());
        this.binder = binder;
    }

    /** The columns it writes (a test can hold them against the table's). */
    public List<String> columns() {
        return columns;
    }

    /** Inserts the rows (none: nothing) through the session; call after flushing what they refer to. */
    public Uni<Void> insert(Mutiny.Session session, List<T> rows) {
        return insert(session, rows, 0);
    }

    private Uni<Void> insert(Mutiny.Session session, List<T> rows, int from) {
        if (from >= rows.size()) {
            return Uni.createFrom().voidItem();
        }
        List<T> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
        StringBuilder sql = new StringBuilder(head.length() + chunk.size() * (row.length() + 1)).append(head);
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ",").append(row);
        }
        Row values = new Row(session.createNativeQuery(sql.toString()));
        chunk.forEach(r -> binder.accept(values, r));
        int next = from + chunk.size();
        return values.query.executeUpdate().chain(n -> insert(session, rows, next));
    }

    /** The value of a {@code text[]} column (for {@code CAST(? AS text[])}); null for a null collection. */
    public static String[] texts(Collection<?> items) {
        return items == null ? null : items.stream().map(i -> i == null ? null : i.toString()).toArray(String[]::new);
    }

    /** The values of the statement being built, set in column order row after row. */
    public static final class Row {
        private final Mutiny.MutationQuery query;
        private int position = 1;

        private Row(Mutiny.MutationQuery query) {
            this.query = query;
        }

        /** The next column's value (null allowed: the column's type comes from the table or the cast). */
        public Row set(Object value) {
            query.setParameter(position++, value);
            return this;
        }
    }
}
