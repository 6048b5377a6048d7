package com.privacyplatform.commons.db;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes many rows of one table in the caller's transaction with one statement per
 * {@value #ROWS_PER_STATEMENT} rows, where persisting entities costs the persistence context's
 * bookkeeping for every row and a statement each (bulk effects: the outbox and audit trail of many
 * objects, a mass deletion's requests, tasks and timeline). Each column travels as one {@code text[]}
 * parameter, unnested and cast to the column's type in SQL:
 * {@code INSERT INTO t (a, b) SELECT CAST(a AS uuid), CAST(b AS jsonb) FROM unnest(?, ?) WITH ORDINALITY ...}.
 * So a statement has as many parameters as the table has columns, whatever the number of rows (binding
 * thousands of single values cost Hibernate more than the insert itself), and its text never changes.
 * The rows go in the list's order (an identity or sequence column draws its values in that order).
 * Entities written this way are not in the session: read them again if they must change in the same
 * transaction.
 *
 * @param <T> what one row is made of
 */
public final class MultiRowInsert<T> {

    /** Rows per statement: bounds the arrays (and the memory of one statement), not the parameters. */
    static final int ROWS_PER_STATEMENT = 5000;

    private final String table;
    private final List<Column<T>> columns = new ArrayList<>();
    private String sql;

    public MultiRowInsert(String table) {
        this.table = table;
    }

    /**
     * Adds the next column.
     *
     * @param name  the column
     * @param type  its SQL type, as in a cast ({@code uuid}, {@code text[]}, {@code timestamptz}, {@code jsonb}, ...)
     * @param value the row's value: null, a string, a number, an enum (its name), a UUID, a date or time
     *              ({@code toString}, ISO-8601), {@code byte[]} or a collection (for an array type)
     */
    public MultiRowInsert<T> column(String name, String type, Function<T, Object> value) {
        columns.add(new Column<>(name, type, value));
        sql = statement();
        return this;
    }

    /** The columns it writes (a test can hold them against the table's). */
    public List<String> columns() {
        return columns.stream().map(Column::name).toList();
    }

    /** Inserts the rows (none: nothing) through the session; call after flushing what they refer to. */
    public Uni<Void> insert(Mutiny.Session session, List<T> rows) {
        return insert(session, rows, 0);
    }

    private Uni<Void> insert(Mutiny.Session session, List<T> rows, int from) {
        if (from >= rows.size()) {
            return Uni.createFrom().voidItem();
        }
        List<T> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
        if (columns.isEmpty()) {
            throw new IllegalStateException("no columns for " + table);
        }
        Mutiny.MutationQuery query = session.createNativeQuery(sql);
        for (int c = 0; c < columns.size(); c++) {
            Function<T, Object> value = columns.get(c).value();
            String[] texts = new String[chunk.size()];
            for (int r = 0; r < texts.length; r++) {
                texts[r] = text(value.apply(chunk.get(r)));
            }
            query.setParameter(c + 1, texts);
        }
        int next = from + chunk.size();
        return query.executeUpdate().chain(n -> insert(session, rows, next));
    }

    /** The statement for the columns added so far, built with each column: nothing changes after set-up. */
    private String statement() {
        List<String> names = columns();
        List<String> aliases = new ArrayList<>();
        List<String> casts = new ArrayList<>();
        List<String> params = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            aliases.add("c" + c);
            casts.add("CAST(u.c" + c + " AS " + columns.get(c).type() + ")");
            params.add("CAST(? AS text[])");
        }
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + String.join(", ", casts)
                + " FROM unnest(" + String.join(", ", params) + ") WITH ORDINALITY AS u("
                + String.join(", ", aliases) + ", n) ORDER BY u.n";
    }

    /** A value as PostgreSQL reads it back with a cast to its column's type. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Collection<?> items) {
            return arrayLiteral(items);
        }
        return value.toString();
    }

    /** A PostgreSQL array literal: elements quoted and escaped, NULL for a null element. */
    private static String arrayLiteral(Collection<?> items) {
        StringBuilder out = new StringBuilder("{");
        for (Object item : items) {
            if (out.length() > 1) {
                out.append(',');
            }
            String element = text(item);
            if (element == null) {
                out.append("NULL");
                continue;
            }
            out.append('"');
            for (int i = 0; i < element.length(); i++) {
                char ch = element.charAt(i);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    private record Column<T>(String name, String type, Function<T, Object> value) {
    }
}
