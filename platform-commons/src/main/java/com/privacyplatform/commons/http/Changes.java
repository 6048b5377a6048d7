package com.privacyplatform.commons.http;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.identity.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The one shape of a state-changing endpoint (API-CONVENTIONS.md "Concurrency", "Retries"). A change
 * of a stored resource ({@code PUT}, {@code POST .../{action}}): the loaded entity's version is checked
 * against {@code If-Match} before anything is touched (412, nothing changed), the change runs and names
 * its audit entry, the entry is written, and the session is flushed so that the answer's {@code ETag}
 * is the version just written. A creating {@code POST}: {@code Idempotency-Key} honoured, 201 with
 * {@code Location} and {@code ETag}. Call inside the business transaction ({@code @WithTransaction}).
 */
@ApplicationScoped
public class Changes {

    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final Caller caller;

    public Changes(Idempotency idempotency, AuditTrail audit, Caller caller) {
        this.idempotency = idempotency;
        this.audit = audit;
        this.caller = caller;
    }

    /**
     * @param loaded  the entity, already checked visible to the caller (404 otherwise)
     * @param version its version (the {@code ETag} the client read)
     * @param ifMatch the {@code If-Match} header, or null
     * @param change  checks the rules (409/422 problems) and changes the entity; answers its audit entry,
     *                ({@link #audited}), or none when the change keeps its own trail ({@link #trailedBy})
     * @return the changed entity, flushed
     */
    public <T> Uni<T> apply(Uni<T> loaded, ToLongFunction<T> version, String ifMatch,
            Function<T, Uni<AuditTrail.Entry>> change) {
        return loaded.invoke(entity -> Versions.requireMatch(ifMatch, version.applyAsLong(entity)))
                .call(entity -> change.apply(entity).chain(this::record))
                .call(() -> Panache.getSession().chain(Mutiny.Session::flush));
    }

    /** The entry for {@link #apply}'s change: the caller is the actor. */
    public static Uni<AuditTrail.Entry> audited(String action, String targetType, Object targetId, String details) {
        return Uni.createFrom().item(new AuditTrail.Entry(action, targetType, targetId.toString(), details));
    }

    /** The entry for a change that keeps its own trail (a timeline, whose entries are the audit record). */
    public static Uni<AuditTrail.Entry> trailedBy(Uni<?> trail) {
        return trail.map(written -> null);
    }

    /** What a creating operation answers: the new resource's id (the last segment of its Location), view and version. */
    public record Created(UUID id, Object view, long version) {
    }

    /**
     * A creating {@code POST} on {@code collection} (its path, e.g. {@code /partners/{id}/transfers}): the
     * request's fingerprint for {@link Idempotency} is {@code ["POST " + collection, request]}.
     */
    public Uni<Response> create(String idempotencyKey, String collection, Object request,
            Supplier<Uni<Created>> create) {
        return create(idempotencyKey, collection, request, null, create);
    }

    /** As {@link #create(String, String, Object, Supplier)}; with a {@link Idempotency.Replay} no body is stored. */
    public Uni<Response> create(String idempotencyKey, String collection, Object request, Idempotency.Replay replay,
            Supplier<Uni<Created>> create) {
        return idempotency.run(idempotencyKey, caller.auditActor().actor(), List.of("POST " + collection, request),
                replay, () -> create.get().map(c -> Versions.created(URI.create(collection + "/" + c.id()), c.view(),
                        c.version())));
    }

    private Uni<Void> record(AuditTrail.Entry entry) {
        if (entry == null) {
            return Uni.createFrom().voidItem();
        }
        return audit.recordAll(caller.auditActor(), List.of(entry));
    }
}
