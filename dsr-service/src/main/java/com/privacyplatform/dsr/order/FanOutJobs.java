package com.privacyplatform.dsr.order;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The durable fan-out of a mass deletion order (table {@code deletion_fanout}): its cursor - the last
 * subject whose request exists - and counters. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class FanOutJobs {

    /** Which order: the key of {@code deletion_order}. */
    public record Key(String kind, UUID ref, UUID partnerId) {
    }

    /**
     * A locked, unfinished fan-out with what its chunks need.
     *
     * @param after       the cursor ({@code ""} before the first chunk)
     * @param effectiveAt the termination's time (retention evidence must predate it) or the order's
     */
    public record Job(Key key, String after, Instant effectiveAt, List<String> categories, int requests) {
    }

    private static final char SEPARATOR = 31; // ASCII unit separator: never in a category name

    /** Records the fan-out of an order just claimed; its chunks run later, in transactions of their own. */
    public Uni<Void> open(Key key, Instant effectiveAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO deletion_fanout (kind, ref, partner_id,"
                        + " effective_at, after_subject, started_at, updated_at) VALUES (:kind, :ref, :partner, :at, '',"
                        + " now(), now())")
                .setParameter("kind", key.kind()).setParameter("ref", key.ref()).setParameter("partner", key.partnerId())
                .setParameter("at", effectiveAt.atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /** Unfinished fan-outs, oldest first. */
    public Uni<List<Key>> unfinished(int max) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT kind, ref, partner_id FROM deletion_fanout"
                        + " WHERE finished_at IS NULL ORDER BY started_at LIMIT :max", Object[].class)
                .setParameter("max", max).getResultList())
                .map(rows -> rows.stream().map(r -> new Key(r[0].toString(), uuid(r[1]), uuid(r[2]))).toList());
    }

    /**
     * Locks the fan-out for one chunk; null when it is finished or another worker holds it (SKIP LOCKED:
     * never waits). Only chunks lock this row.
     */
    public Uni<Job> lock(Key key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT f.after_subject, f.effective_at,"
                        + " array_to_string(o.categories, chr(31)), f.requests FROM deletion_fanout f JOIN deletion_order o"
                        + " ON o.kind = f.kind AND o.ref = f.ref AND o.partner_id = f.partner_id WHERE f.kind = :kind"
                        + " AND f.ref = :ref AND f.partner_id = :partner AND f.finished_at IS NULL"
                        + " FOR UPDATE OF f SKIP LOCKED", Object[].class)
                .setParameter("kind", key.kind()).setParameter("ref", key.ref()).setParameter("partner", key.partnerId())
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : new Job(key, rows.get(0)[0].toString(), instant(rows.get(0)[1]),
                        categories(rows.get(0)[2]), ((Number) rows.get(0)[3]).intValue()));
    }

    /** The next subjects of the partner after the cursor, in cursor order. */
    public Uni<List<String>> nextSubjects(UUID partnerId, String after, int max) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT DISTINCT subject_id FROM consent_holding"
                        + " WHERE partner_id = :partner AND subject_id > :after ORDER BY subject_id LIMIT :max")
                .setParameter("partner", partnerId).setParameter("after", after).setParameter("max", max)
                .getResultList())
                .map(rows -> rows.stream().map(Object::toString).toList());
    }

    /**
     * The subjects in {@code (after, last]} that already have their request of this order: the requests
     * of a step whose chunks committed while the step itself did not ({@link MassDeletionWorker}). The
     * origin is written into the statement, so that it matches the partial unique index of ordered
     * requests, whose range scan this is.
     */
    public Uni<List<String>> orderedSubjects(Key key, String after, String last) {
        String origin = switch (key.kind()) {
            case DeletionOrders.TERMINATION -> "TERMINATION";
            case DeletionOrders.BREACH -> "BREACH_ORDER";
            default -> throw new IllegalArgumentException("unknown order kind " + key.kind());
        };
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT subject_id FROM dsr_request WHERE origin = '"
                        + origin + "' AND origin_ref = :ref AND subject_id > :after AND subject_id <= :last")
                .setParameter("ref", key.ref()).setParameter("after", after).setParameter("last", last)
                .getResultList())
                .map(rows -> rows.stream().map(Object::toString).toList());
    }

    /** Moves the cursor past {@code chunks} chunks whose requests exist (committed, or in this transaction). */
    public Uni<Void> advance(Key key, String last, int subjects, int requests, int chunks) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE deletion_fanout SET after_subject = :last,"
                        + " subjects = subjects + :subjects, requests = requests + :requests,"
                        + " chunks = chunks + :chunks,"
                        + " updated_at = now() WHERE kind = :kind AND ref = :ref AND partner_id = :partner")
                .setParameter("last", last).setParameter("subjects", subjects).setParameter("requests", requests)
                .setParameter("chunks", chunks)
                .setParameter("kind", key.kind()).setParameter("ref", key.ref()).setParameter("partner", key.partnerId())
                .executeUpdate()).replaceWithVoid();
    }

    /** The fan-out is over: the cursor (a subject id) is no longer needed. */
    public Uni<Void> finish(Key key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE deletion_fanout SET after_subject = NULL,"
                        + " finished_at = now(), updated_at = now() WHERE kind = :kind AND ref = :ref"
                        + " AND partner_id = :partner")
                .setParameter("kind", key.kind()).setParameter("ref", key.ref()).setParameter("partner", key.partnerId())
                .executeUpdate()).replaceWithVoid();
    }

    private static List<String> categories(Object joined) {
        return joined == null || joined.toString().isEmpty() ? List.of()
                : Arrays.asList(joined.toString().split(String.valueOf(SEPARATOR)));
    }

    private static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + o.getClass().getSimpleName());
    }
}
