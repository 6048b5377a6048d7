package com.privacyplatform.commons.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code Idempotency-Key} for creating POSTs (API-CONVENTIONS.md "Retries"): the same key with the
 * same request returns the first answer (marked {@code Idempotent-Replayed: true}); the same key
 * with a different request is a 422. Keys are per caller and kept for 24 hours. Call inside the
 * business transaction ({@code @WithTransaction}) so the stored answer commits with the change.
 * The store holds no personal value in clear (docs/data-stores.md): the first answer is sealed and
 * the request fingerprinted under {@code platform.idempotency.key} ({@link IdempotencySeal}). A
 * service may instead pass a {@link Replay}: its own keyed fingerprint, and no body stored at all -
 * only status and {@code Location}; a replay renders the created resource anew from its own store.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final ObjectMapper mapper;
    private final IdempotencySeal seal;

    public Idempotency(ObjectMapper mapper, IdempotencySeal seal) {
        this.mapper = mapper;
        this.seal = seal;
    }

    /**
     * @param key     the header value, or null when the client sent none (then {@code create} just runs)
     * @param caller  the caller's pseudonymous id (keys of different callers never collide)
     * @param request what identifies the request: method, path and body
     * @param create  the creating operation; its response entity is stored as JSON
     */
    public Uni<Response> run(String key, String caller, Object request, Supplier<Uni<Response>> create) {
        return run(key, caller, request, null, create);
    }

    /**
     * {@link #run(String, String, Object, Supplier)} in a transaction of its own: for a resource that
     * reads what it needs on the pool before its transaction opens (so that no request ever holds two
     * connections, the transaction's and the read's) and so carries no {@code @WithTransaction} itself.
     */
    @WithTransaction
    public Uni<Response> runInTransaction(String key, String caller, Object request, Supplier<Uni<Response>> create) {
        return run(key, caller, request, create);
    }

    /**
     * How a service keeps personal values out of the store: {@code fingerprint} keys the request's
     * fingerprint (its JSON bytes -> hex HMAC), {@code render} answers a replay from the created
     * resource named by the stored {@code Location} (the answer's current state, not a stored copy).
     */
    public record Replay(Function<byte[], String> fingerprint, Function<URI, Uni<Response>> render) {
    }

    /** As {@link #run(String, String, Object, Supplier)}; with {@code replay} no response body is stored. */
    public Uni<Response> run(String key, String caller, Object request, Replay replay, Supplier<Uni<Response>> create) {
        if (key == null) {
            return create.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.validation("invalid " + HEADER,
                    List.of(new Problem.FieldError(HEADER, "must be 1-255 visible ASCII characters")));
        }
        byte[] json = json(request);
        String keyId = replay == null ? seal.currentKeyId() : null;
        String hash = replay == null ? seal.fingerprint(keyId, json) : replay.fingerprint().apply(json);
        return Panache.getSession().chain(session -> reserve(session, caller, key, hash, keyId)
                .chain(reserved -> reserved
                        ? create.get().call(response -> store(session, caller, key, response, replay == null))
                        : replay(session, caller, key, json, hash, replay)));
    }

    private Uni<Boolean> reserve(Mutiny.Session session, String caller, String key, String hash, String keyId) {
        // blocks while a concurrent request with the same key is in flight, then finds its row
        return session.createNativeQuery("INSERT INTO platform_idempotency (caller, key, request_hash, key_id)"
                        + " VALUES (:caller, :key, :hash, :keyId) ON CONFLICT DO NOTHING")
                .setParameter("caller", caller).setParameter("key", key).setParameter("hash", hash)
                .setParameter("keyId", keyId)
                .executeUpdate()
                .map(rows -> rows == 1);
    }

    private Uni<Void> store(Mutiny.Session session, String caller, String key, Response response, boolean withBody) {
        URI location = response.getLocation();
        return session.createNativeQuery("UPDATE platform_idempotency SET status = :status, location = :location,"
                        + " body = :body WHERE caller = :caller AND key = :key")
                .setParameter("status", response.getStatus())
                .setParameter("location", location == null ? null : location.toString())
                .setParameter("body", withBody ? sealed(response.getEntity(), caller, key) : null)
                .setParameter("caller", caller).setParameter("key", key)
                .executeUpdate()
                .replaceWithVoid();
    }

    private Uni<Response> replay(Mutiny.Session session, String caller, String key, byte[] json, String hash,
            Replay replay) {
        return session.createNativeQuery("SELECT request_hash, status, location, body, key_id FROM platform_idempotency"
                        + " WHERE caller = :caller AND key = :key", Object[].class)
                .setParameter("caller", caller).setParameter("key", key)
                .getSingleResult()
                .chain(row -> {
                    String rowKeyId = (String) row[4];
                    String expected = replay != null ? hash
                            : rowKeyId == null ? sha256(json) // written before answers were sealed (V2026_12_09_500)
                            : seal.fingerprint(rowKeyId, json);
                    if (expected == null) {
                        throw ProblemException.conflict("the first answer to this Idempotency-Key was stored under a"
                                + " key this service no longer holds; send the request with a new Idempotency-Key");
                    }
                    if (!expected.equals(row[0])) {
                        throw ProblemException.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                                "this Idempotency-Key was used for a different request");
                    }
                    int status = ((Number) row[1]).intValue();
                    if (replay != null && row[2] != null) {
                        return replay.render().apply(URI.create((String) row[2])).map(rendered -> Response
                                .fromResponse(rendered).status(status).location(URI.create((String) row[2]))
                                .header(REPLAYED, "true").build());
                    }
                    String body = row[3] == null || rowKeyId == null ? (String) row[3]
                            : seal.open(rowKeyId, (String) row[3], boundTo(caller, key));
                    return Uni.createFrom().item(stored(status, (String) row[2], body));
                });
    }

    private static Response stored(int status, String location, String body) {
        Response.ResponseBuilder replayed = Response.status(status).header(REPLAYED, "true");
        if (location != null) {
            replayed.location(URI.create(location));
        }
        if (body != null) {
            replayed.entity(body).type(MediaType.APPLICATION_JSON);
        }
        return replayed.build();
    }

    /** Forgets answers older than a day. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM platform_idempotency WHERE created_at < now() - interval '24 hours'")
                .executeUpdate())).replaceWithVoid();
    }

    private byte[] json(Object request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private static String sha256(byte[] json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored answer opens only in its own row: its caller and key are the sealed value's associated data. */
    private static String boundTo(String caller, String key) {
        return caller + "\n" + key;
    }

    private String sealed(Object entity, String caller, String key) {
        if (entity == null) {
            return null;
        }
        try {
            String json = entity instanceof String s ? s : new String(mapper.writeValueAsBytes(entity), StandardCharsets.UTF_8);
            return seal.seal(json, boundTo(caller, key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the response for replay", e);
        }
    }
}
