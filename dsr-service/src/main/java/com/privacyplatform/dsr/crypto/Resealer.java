package com.privacyplatform.dsr.crypto;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Key rotation: seals every value still sealed with an earlier key anew with the current one
 * (correction values bound to their request, exports to their task), in batches, each its own
 * transaction. Rows are updated in place without touching their version: a rotation is no change
 * a client sees. Once nothing names an earlier key, that key can leave {@code dsr.export.previous-keys}.
 */
@ApplicationScoped
public class Resealer {

    private static final Logger LOG = Logger.getLogger(Resealer.class);
    private static final int BATCH = 100;

    private final ValueCipher cipher;

    public Resealer(ValueCipher cipher) {
        this.cipher = cipher;
    }

    @Scheduled(identity = "reseal", every = "${dsr.reseal:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reseal().replaceWithVoid();
    }

    /** Reseals everything sealed with an earlier key; returns how many values. */
    public Uni<Long> reseal() {
        return drain("SELECT id, corrections_key_id, corrections_nonce, corrections_sealed, id FROM dsr_request"
                        + " WHERE corrections_sealed IS NOT NULL AND corrections_key_id <> :current LIMIT " + BATCH,
                "UPDATE dsr_request SET corrections_key_id = :keyId, corrections_nonce = :nonce,"
                        + " corrections_sealed = :sealed WHERE id = :id AND corrections_key_id = :oldKeyId", 0)
                .chain(corrections -> drain("SELECT id, key_id, nonce, sealed, task_id FROM access_export"
                                + " WHERE sealed IS NOT NULL AND key_id <> :current LIMIT " + BATCH,
                        "UPDATE access_export SET key_id = :keyId, nonce = :nonce, sealed = :sealed"
                                + " WHERE id = :id AND key_id = :oldKeyId AND sealed IS NOT NULL", 0)
                        .map(exports -> corrections + exports))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("sealed %d value(s) anew with key %s; no value names an earlier key now", n,
                                cipher.currentKeyId());
                    }
                });
    }

    private Uni<Long> drain(String select, String update, long soFar) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(select, Object[].class)
                        .setParameter("current", cipher.currentKeyId())
                        .getResultList()
                        .chain(rows -> resealAll(session, update, rows).replaceWith(rows.size()))))
                .chain(n -> n < BATCH ? Uni.createFrom().item(soFar + n) : drain(select, update, soFar + n));
    }

    private Uni<Void> resealAll(Mutiny.Session session, String update, List<Object[]> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Object[] row : rows) {
            Sealed old = new Sealed((String) row[1], (byte[]) row[2], (byte[]) row[3]);
            Sealed fresh = cipher.reseal(old, row[4].toString());
            chain = chain.chain(() -> session.createNativeQuery(update)
                    .setParameter("keyId", fresh.keyId())
                    .setParameter("nonce", fresh.nonce())
                    .setParameter("sealed", fresh.ciphertext())
                    .setParameter("id", (UUID) row[0])
                    .setParameter("oldKeyId", old.keyId())
                    .executeUpdate()
                    .replaceWithVoid());
        }
        return chain;
    }
}
