package com.privacyplatform.commons.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.events.EventsConfig;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Signs the chain's head (4.1, 1.8): at an interval when the head moved, and on demand. Each
 * checkpoint is stored in the service's own table and published as {@code audit.checkpoint-signed}
 * in the same transaction (kept by the partner registry); after the commit it is also written to
 * the archive directory where one is configured (object storage).
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);
    private static final long LOCK_KEY = 0x0b0c_0003L; // pg advisory lock: "audit checkpoint"

    private final CheckpointKeys keys;
    private final AuditChainer chainer;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final AuditConfig.Checkpoints config;
    private final String source;
    private final PlatformClock clock;

    public AuditCheckpoints(CheckpointKeys keys, AuditChainer chainer, Outbox outbox, ObjectMapper mapper,
            Vertx vertx, AuditConfig config, EventsConfig events, PlatformClock clock) {
        this.keys = keys;
        this.chainer = chainer;
        this.outbox = outbox;
        this.mapper = mapper;
        this.vertx = vertx;
        this.config = config.checkpoints();
        this.source = events.source();
        this.clock = clock;
    }

    /**
     * Every {@code platform.audit.checkpoints.interval}: signs the head when it moved. On every
     * replica; the advisory lock in {@link #sign} lets one sign at a time, and a replica that finds
     * the head already signed signs nothing.
     */
    @Scheduled(every = "${platform.audit.checkpoints.interval:5M}", delayed = "${platform.audit.checkpoints.interval:5M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> periodic() {
        if (!keys.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return signIfMoved().replaceWithVoid().onFailure().recoverWithUni(e -> {
            LOG.warnf("periodic audit checkpoint not signed (%s); the next interval tries again", e.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    boolean enabled() {
        return keys.enabled();
    }

    /** On demand: links what is committed, then signs the head (also when it did not move). */
    public Uni<CheckpointView> signNow() {
        return chainer.chainPending().chain(() -> sign(true));
    }

    /** The periodic run: signs only when the head moved since the last checkpoint; null otherwise. */
    public Uni<CheckpointView> signIfMoved() {
        return sign(false);
    }

    private Uni<CheckpointView> sign(boolean always) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("SELECT h.last_seq, h.last_hash, (SELECT max(seq) FROM platform_audit_checkpoint),"
                                + " pg_try_advisory_xact_lock(" + LOCK_KEY + ") FROM platform_audit_head h WHERE h.id = 1",
                                Object[].class)
                        .getSingleResult()
                        .chain(row -> {
                            long seq = ((Number) row[0]).longValue();
                            Number lastSigned = (Number) row[2];
                            boolean moved = seq > 0 && (lastSigned == null || lastSigned.longValue() < seq);
                            if (!always && (!Boolean.TRUE.equals(row[3]) || !moved)) {
                                return Uni.createFrom().<CheckpointView>nullItem();
                            }
                            return store(session, seq, (String) row[1]);
                        })))
                .call(cp -> cp == null ? Uni.createFrom().voidItem() : archive(cp));
    }

    private Uni<CheckpointView> store(Mutiny.Session session, long seq, String hash) {
        UUID id = Ids.newId();
        OffsetDateTime at = clock.now();
        CheckpointView unsigned = new CheckpointView(id, source, seq, hash, at.toInstant(), keys.keyId(),
                CheckpointKeys.ALGORITHM, null);
        CheckpointView signed = new CheckpointView(id, source, seq, hash, at.toInstant(), keys.keyId(),
                CheckpointKeys.ALGORITHM, keys.sign(unsigned.payload()));
        return session.persist(AuditCheckpoint.of(signed))
                .chain(() -> outbox.publish(CheckpointView.EVENT_TYPE, id.toString(), signed))
                .replaceWith(signed);
    }

    /** Best effort after the commit: the event (kept by the registry) is the copy that must not fail. */
    private Uni<Void> archive(CheckpointView cp) {
        if (config.archiveDirectory().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Path dir = Path.of(config.archiveDirectory().get(), source.replaceAll("[^A-Za-z0-9._-]", ""));
        String file = dir.resolve(String.format("%020d-%s.json", cp.seq(), cp.id())).toString();
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(cp);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().completionStage(() -> vertx.fileSystem().mkdirs(dir.toString())
                        .compose(v -> vertx.fileSystem().writeFile(file, Buffer.buffer(json))).toCompletionStage())
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("audit checkpoint %s not written to the archive directory (%s)", cp.id(), e.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    /** The service's own copy in signing order (ids are time-ordered), after checkpoint {@code after} if given. */
    public Uni<List<CheckpointView>> list(UUID after, int max) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> {
            Mutiny.SelectionQuery<AuditCheckpoint> query = s.createSelectionQuery(
                    "from AuditCheckpoint where id > :after order by id", AuditCheckpoint.class);
            return query.setParameter("after", after == null ? new UUID(0L, 0L) : after)
                    .setMaxResults(max)
                    .getResultList();
        })).map(rows -> rows.stream().map(AuditCheckpoint::view).toList());
    }

    public Uni<CheckpointView> find(UUID id) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(AuditCheckpoint.class, id)))
                .map(c -> c == null ? null : c.view());
    }
}
