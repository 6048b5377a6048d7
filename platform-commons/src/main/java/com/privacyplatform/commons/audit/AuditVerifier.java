package com.privacyplatform.commons.audit;

import com.privacyplatform.commons.audit.AuditVerification.Unchained;
import com.privacyplatform.commons.events.EventsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Re-computes the chain from the first record: every hash must match its record, every record
 * must name its predecessor's hash, sequence numbers must be contiguous, the head must point at
 * the last record, and every signed checkpoint must name the hash the chain has at its record.
 * Any edited, deleted, inserted or reordered record breaks one of the first four; a chain
 * rewritten and re-hashed as a whole (head included) breaks the last, because the checkpoints'
 * signatures need a key that is not in the database. The walk runs in one repeatable-read
 * snapshot, so the chainer extending the chain meanwhile neither races the head comparison nor
 * shows as tampering.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 1000;

    private final Pool pool;
    private final CheckpointKeys keys;
    private final String source;

    public AuditVerifier(Pool pool, CheckpointKeys keys, EventsConfig events) {
        this.pool = pool;
        this.keys = keys;
        this.source = events.source();
    }

    /** Against the service's own copy of its checkpoints. */
    public Uni<AuditVerification> verify() {
        return verify(null);
    }

    /** Against the checkpoints given (e.g. the copy the partner registry keeps), or the own copy when null. */
    public Uni<AuditVerification> verify(List<CheckpointView> supplied) {
        return pool.withTransaction(conn -> conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute()
                .chain(() -> conn.query("SELECT last_seq, last_hash FROM platform_audit_head WHERE id = 1").execute())
                .map(rows -> rows.iterator().next())
                .chain(head -> unchained(conn).chain(unchained -> checkpoints(conn, supplied).chain(cps -> {
                    Walk walk = new Walk(head.getLong("last_seq"), head.getString("last_hash"), unchained, cps);
                    for (CheckpointView cp : cps) {
                        String problem = signatureProblem(cp);
                        if (problem != null) {
                            return Uni.createFrom().item(walk.broken(null, problem));
                        }
                    }
                    return walk(conn, walk);
                }))));
    }

    private String signatureProblem(CheckpointView cp) {
        if (!source.equals(cp.source())) {
            return "checkpoint " + cp.id() + " is of " + cp.source() + ", not of " + source;
        }
        if (!CheckpointKeys.ALGORITHM.equals(cp.algorithm()) || !keys.verify(cp.keyId(), cp.payload(), cp.signature())) {
            return "checkpoint " + cp.id() + " does not carry a valid signature of a trusted key";
        }
        return null;
    }

    private Uni<List<CheckpointView>> checkpoints(SqlConnection conn, List<CheckpointView> supplied) {
        if (!keys.enabled()) {
            return Uni.createFrom().item(List.of());
        }
        if (supplied != null) {
            return Uni.createFrom().item(sorted(supplied));
        }
        return conn.query("SELECT id, source, seq, hash, signed_at, key_id, algorithm, signature"
                        + " FROM platform_audit_checkpoint").execute()
                .map(rows -> {
                    List<CheckpointView> own = new ArrayList<>();
                    rows.forEach(r -> own.add(new CheckpointView(r.getUUID("id"), r.getString("source"),
                            r.getLong("seq"), r.getString("hash"), r.getOffsetDateTime("signed_at").toInstant(),
                            r.getString("key_id"), r.getString("algorithm"), r.getString("signature"))));
                    return sorted(own);
                });
    }

    private static List<CheckpointView> sorted(List<CheckpointView> cps) {
        return cps.stream().sorted(Comparator.comparing(CheckpointView::seq)).toList();
    }

    private static Uni<Unchained> unchained(SqlConnection conn) {
        return conn.query("SELECT count(*) AS n, min(recorded_at) AS oldest FROM platform_audit_record"
                        + " WHERE seq IS NULL").execute()
                .map(rows -> {
                    Row r = rows.iterator().next();
                    OffsetDateTime oldest = r.getOffsetDateTime("oldest");
                    return new Unchained(r.getLong("n"), oldest == null ? null : oldest.toInstant());
                });
    }

    private Uni<AuditVerification> walk(SqlConnection conn, Walk walk) {
        return conn.preparedQuery("SELECT seq, recorded_at, actor, actor_role, action, target_type, target_id,"
                        + " details, prev_hash, hash FROM platform_audit_record WHERE seq > $1 ORDER BY seq LIMIT $2")
                .execute(Tuple.of(walk.seq, PAGE))
                .chain(rows -> {
                    List<Row> page = new ArrayList<>(PAGE);
                    rows.forEach(page::add);
                    for (Row r : page) {
                        String problem = problemOf(r, walk.seq, walk.hash);
                        if (problem != null) {
                            return Uni.createFrom().item(walk.broken(r.getLong("seq"), problem));
                        }
                        walk.seq = r.getLong("seq");
                        walk.hash = r.getString("hash");
                        walk.checked++;
                        problem = walk.compareCheckpoints();
                        if (problem != null) {
                            return Uni.createFrom().item(walk.broken(walk.lastGood + 1, problem));
                        }
                    }
                    return page.size() == PAGE ? walk(conn, walk) : Uni.createFrom().item(end(walk));
                });
    }

    private static AuditVerification end(Walk walk) {
        if (walk.next < walk.checkpoints.size()) {
            CheckpointView cp = walk.checkpoints.get(walk.next);
            return walk.broken(walk.lastGood + 1, "checkpoint " + cp.id() + " was signed at record " + cp.seq()
                    + " but the chain ends at record " + walk.seq + ": records after record " + walk.lastGood
                    + " (the last good checkpoint) were removed or rewritten");
        }
        if (walk.seq != walk.headSeq || !Objects.equals(walk.hash, walk.headHash)) {
            return walk.broken(Math.min(walk.seq, walk.headSeq) + 1, "chain ends at record " + walk.seq
                    + " but the head names record " + walk.headSeq + ": records were removed from or added to the end");
        }
        return walk.ok();
    }

    private static String problemOf(Row r, long previousSeq, String previousHash) {
        long seq = r.getLong("seq");
        if (seq != previousSeq + 1) {
            return "record " + (previousSeq + 1) + " is missing (next is " + seq + ")";
        }
        if (!Objects.equals(r.getString("prev_hash"), previousHash)) {
            return "record " + seq + " does not link to its predecessor's hash";
        }
        if (!Objects.equals(r.getString("hash"), AuditHashes.of(seq, AuditChainer.entryOf(r), previousHash))) {
            return "record " + seq + " was altered: its content does not match its hash";
        }
        return null;
    }

    /** The walk's progress: the last record checked and the checkpoints passed so far. */
    private static final class Walk {
        final long headSeq;
        final String headHash;
        final Unchained unchained;
        final List<CheckpointView> checkpoints;
        long seq;
        String hash = AuditHashes.GENESIS;
        long checked;
        int next;
        long lastGood;
        int matched;

        Walk(long headSeq, String headHash, Unchained unchained, List<CheckpointView> checkpoints) {
            this.headSeq = headSeq;
            this.headHash = headHash;
            this.unchained = unchained;
            this.checkpoints = checkpoints;
            skipGenesisCheckpoints();
        }

        private void skipGenesisCheckpoints() {
            while (next < checkpoints.size() && checkpoints.get(next).seq() == 0
                    && AuditHashes.GENESIS.equals(checkpoints.get(next).hash())) {
                next++;
                matched++;
            }
        }

        /** Compares the checkpoints signed at the record just checked; a problem when one differs. */
        String compareCheckpoints() {
            while (next < checkpoints.size() && checkpoints.get(next).seq() <= seq) {
                CheckpointView cp = checkpoints.get(next);
                if (cp.seq() != seq || !cp.hash().equals(hash)) {
                    return "record " + cp.seq() + " differs from checkpoint " + cp.id() + " signed at " + cp.signedAt()
                            + ": the chain after record " + lastGood + " (the last good checkpoint) was rewritten";
                }
                lastGood = seq;
                matched++;
                next++;
            }
            return null;
        }

        AuditVerification ok() {
            return new AuditVerification(true, checked, headSeq, headHash, null, null, unchained.count(),
                    unchained.oldest(), matched, matched == 0 ? null : lastGood);
        }

        AuditVerification broken(Long at, String problem) {
            return new AuditVerification(false, checked, headSeq, headHash, at, problem, unchained.count(),
                    unchained.oldest(), matched, matched == 0 ? null : lastGood);
        }
    }
}
