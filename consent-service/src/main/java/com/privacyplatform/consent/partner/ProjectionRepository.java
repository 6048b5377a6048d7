package com.privacyplatform.consent.partner;

import com.privacyplatform.api.events.PartnerEvents.ScopeItem;
import com.privacyplatform.api.events.PartnerEvents.TransferItem;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.db.ConnectionLoss;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The local projection of partner-registry: status (with the time of the newest status fact) and
 * the permitted scope (with its {@code scopeVersion}). Writes run in the caller's transaction and
 * apply only newer facts, so events and snapshots may arrive in any order and any number of times.
 */
@ApplicationScoped
public class ProjectionRepository {

    private final Pool pool;

    public ProjectionRepository(Pool pool) {
        this.pool = pool;
    }

    /** An APPROVED cross-border transfer as the projection keeps it (3.3.c). */
    public record ApprovedTransfer(String destinationCountry, Set<String> categories) {
    }

    /** What the record rules need to know about a partner. */
    public record PartnerState(UUID partnerId, PartnerStatus status, boolean admAuthorized, int scopeVersion,
            Set<String> scopePairs, String jurisdiction, List<ApprovedTransfer> transfers) {

        /** 3.3.c: whether one APPROVED transfer to {@code country} covers every one of {@code categories}. */
        public boolean transfers(String country, Collection<String> categories) {
            return transfers.stream().anyMatch(t -> t.destinationCountry().equals(country)
                    && t.categories().containsAll(categories));
        }

        /** The partner's APPROVED transfers to {@code country}. */
        public List<ApprovedTransfer> transfersTo(String country) {
            return transfers.stream().filter(t -> t.destinationCountry().equals(country)).toList();
        }

        public boolean permits(String purpose, String category) {
            return scopePairs.contains(pair(purpose, category));
        }

        public boolean permitsPurpose(String purpose) {
            return scopePairs.stream().anyMatch(p -> p.startsWith(purpose + "|"));
        }
    }

    /** The partner's row with its scope pairs and transfers as JSON arrays: one statement, not three. */
    private static final String FIND = "SELECT p.status, p.adm_authorized, p.scope_version, p.jurisdiction,"
            + " (SELECT json_agg(json_build_array(c.purpose, c.category))::text FROM partner_scope c"
            + " WHERE c.partner_id = p.partner_id),"
            + " (SELECT json_agg(json_build_array(t.destination_country, array_to_string(t.categories, ','))"
            + " ORDER BY t.transfer_id)::text FROM partner_transfer t WHERE t.partner_id = p.partner_id)"
            + " FROM partner_projection p WHERE p.partner_id = ";

    /** The partner as the caller's transaction sees it (its own uncommitted writes included). */
    public Uni<Optional<PartnerState>> find(UUID partnerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(FIND + ":id", Object[].class)
                .setParameter("id", partnerId).getResultList()
                .map(rows -> rows.isEmpty() ? Optional.<PartnerState>empty() : Optional.of(state(partnerId, rows.get(0)))));
    }

    /**
     * The partner as last committed, read on the pool with no ORM session: the write path reads it
     * on every consent before its transaction opens, so that a request never holds two connections
     * (a transaction's and this one's) and the statement skips Hibernate's native-query planning.
     * What the write rules see is the same as a read inside the transaction at READ COMMITTED.
     */
    public Uni<Optional<PartnerState>> committed(UUID partnerId) {
        return pool.preparedQuery(FIND + "$1").execute(Tuple.of(partnerId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.<PartnerState>empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(state(partnerId, new Object[] {r.getString(0), r.getBoolean(1), r.getInteger(2),
                    r.getString(3), r.getString(4), r.getString(5)}));
        });
    }

    /**
     * {@link #committed} with the subject's decisions for this partner, in the same statement (one round
     * trip on the pool where the write path made two, one of them inside its transaction): a JSON array of
     * {@code [id, purpose, decision, state, collected_at, state_changed_at, expires_at, version]} per
     * decision, null for none; nothing when the partner is unknown.
     */
    public Uni<Optional<Committed>> committedWithDecisionsOf(UUID partnerId, String subjectId) {
        return pool.preparedQuery(FIND_WITH_DECISIONS).execute(Tuple.of(partnerId, subjectId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.<Committed>empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new Committed(state(partnerId, new Object[] {r.getString(0), r.getBoolean(1),
                    r.getInteger(2), r.getString(3), r.getString(4), r.getString(5)}), r.getString(6)));
        }).onFailure(ConnectionLoss::is).transform(ConnectionLoss::beforeWriting); // nothing written yet: 503, nothing changed
    }

    /** The partner as last committed, and the subject's decisions for it as JSON (see {@link #committedWithDecisionsOf}). */
    public record Committed(PartnerState partner, String decisionsJson) {
    }

    private static final String FIND_WITH_DECISIONS = FIND.replace(" FROM partner_projection p",
            ", (SELECT json_agg(json_build_array(c.id, c.purpose, c.decision, c.state, c.collected_at,"
                    + " c.state_changed_at, c.expires_at, c.version))::text FROM consent c"
                    + " WHERE c.subject_id = $2 AND c.partner_id = p.partner_id) FROM partner_projection p") + "$1";

    private static PartnerState state(UUID partnerId, Object[] row) {
        return state(partnerId, row, pairsOf(row[4]), pairsOf(row[5]));
    }

    /** A JSON array of two-element arrays (as json_agg above builds it; NULL for none) as rows of two values. */
    private static List<Object[]> pairsOf(Object json) {
        List<Object[]> out = new ArrayList<>();
        if (json != null) {
            for (Object item : new JsonArray(json.toString())) {
                JsonArray pair = (JsonArray) item;
                out.add(new Object[] {pair.getString(0), pair.getString(1)});
            }
        }
        return out;
    }

    /** The projected status of each known partner among {@code partnerIds}. */
    public Uni<Map<UUID, PartnerStatus>> statuses(Collection<UUID> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT partner_id, status FROM partner_projection"
                        + " WHERE partner_id IN (:ids)", Object[].class)
                .setParameter("ids", partnerIds).getResultList())
                .map(rows -> {
                    Map<UUID, PartnerStatus> out = new HashMap<>();
                    rows.forEach(r -> out.put((UUID) r[0], PartnerStatus.valueOf((String) r[1])));
                    return out;
                });
    }

    /** Applies a status fact unless a newer one is already applied; creates the row when unknown. */
    public Uni<Void> applyStatus(UUID partnerId, PartnerStatus status, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        return Panache.getSession().chain(s -> ensure(s, partnerId, status)
                .chain(() -> s.createNativeQuery("UPDATE partner_projection SET status = :status, status_at = :at,"
                                + " updated_at = now() WHERE partner_id = :id AND status_at <= :at")
                        .setParameter("status", status.name()).setParameter("at", time).setParameter("id", partnerId)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** Replaces the scope when {@code scopeVersion} is newer than the stored one; older versions are ignored. */
    public Uni<Boolean> applyScope(UUID partnerId, PartnerStatus statusIfUnknown, String jurisdiction,
            int scopeVersion, List<ScopeItem> scope, boolean admAuthorized) {
        return applyScope(partnerId, statusIfUnknown, jurisdiction, scopeVersion, scope, admAuthorized, false);
    }

    /**
     * As {@link #applyScope(UUID, PartnerStatus, String, int, List, boolean)}; with {@code repair} (a
     * reconciliation with the registry's snapshot) the same version is written again too, so rows lost
     * or altered under an unchanged version are restored.
     */
    public Uni<Boolean> applyScope(UUID partnerId, PartnerStatus statusIfUnknown, String jurisdiction,
            int scopeVersion, List<ScopeItem> scope, boolean admAuthorized, boolean repair) {
        String newer = repair ? "scope_version <= :version" : "scope_version < :version";
        return Panache.getSession().chain(s -> ensure(s, partnerId, statusIfUnknown)
                .chain(() -> s.createNativeQuery("UPDATE partner_projection SET scope_version = :version,"
                                + " adm_authorized = :adm, jurisdiction = coalesce(:jurisdiction, jurisdiction),"
                                + " updated_at = now() WHERE partner_id = :id AND " + newer)
                        .setParameter("version", scopeVersion).setParameter("adm", admAuthorized)
                        .setParameter("jurisdiction", jurisdiction).setParameter("id", partnerId)
                        .executeUpdate())
                .chain(updated -> updated == 0 ? Uni.createFrom().item(false)
                        : replacePairs(s, partnerId, scope).replaceWith(true)));
    }

    /**
     * 3.3.c: replaces the partner's APPROVED transfers when {@code transfersVersion} is newer than the
     * stored one; older versions are ignored, so events and snapshots may come in any order.
     */
    public Uni<Void> applyTransfers(UUID partnerId, PartnerStatus statusIfUnknown, long transfersVersion,
            List<TransferItem> transfers) {
        return applyTransfers(partnerId, statusIfUnknown, transfersVersion, transfers, false);
    }

    /** As {@link #applyTransfers(UUID, PartnerStatus, long, List)}; {@code repair} as for the scope. */
    public Uni<Void> applyTransfers(UUID partnerId, PartnerStatus statusIfUnknown, long transfersVersion,
            List<TransferItem> transfers, boolean repair) {
        String newer = repair ? "transfers_version <= :version" : "transfers_version < :version";
        return Panache.getSession().chain(s -> ensure(s, partnerId, statusIfUnknown)
                .chain(() -> s.createNativeQuery("UPDATE partner_projection SET transfers_version = :version,"
                                + " updated_at = now() WHERE partner_id = :id AND " + newer)
                        .setParameter("version", transfersVersion).setParameter("id", partnerId).executeUpdate())
                .chain(updated -> updated == 0 ? Uni.createFrom().voidItem() : replaceTransfers(s, partnerId,
                        transfers == null ? List.of() : transfers)));
    }

    private static Uni<Void> replaceTransfers(Mutiny.Session s, UUID partnerId, List<TransferItem> transfers) {
        Uni<Integer> delete = s.createNativeQuery("DELETE FROM partner_transfer WHERE partner_id = :id")
                .setParameter("id", partnerId).executeUpdate();
        if (transfers.isEmpty()) {
            return delete.replaceWithVoid();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO partner_transfer (partner_id, transfer_id,"
                + " destination_country, categories) VALUES ");
        for (int i = 0; i < transfers.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id, :t").append(i).append(", :d").append(i)
                    .append(", string_to_array(:c").append(i).append(", ','))");
        }
        return delete.chain(() -> {
            var insert = s.createNativeQuery(sql.toString()).setParameter("id", partnerId);
            for (int i = 0; i < transfers.size(); i++) {
                TransferItem t = transfers.get(i);
                insert.setParameter("t" + i, t.transferId()).setParameter("d" + i, t.destinationCountry())
                        .setParameter("c" + i, String.join(",", t.categories() == null ? List.of() : t.categories()));
            }
            return insert.executeUpdate();
        }).replaceWithVoid();
    }

    private static Uni<Integer> ensure(Mutiny.Session s, UUID partnerId, PartnerStatus status) {
        // scope_version -1: no scope known yet; status_at -infinity: any status fact is newer
        return s.createNativeQuery("INSERT INTO partner_projection (partner_id, status, scope_version, status_at,"
                        + " updated_at) VALUES (:id, :status, -1, '-infinity', now()) ON CONFLICT DO NOTHING")
                .setParameter("id", partnerId).setParameter("status", status.name()).executeUpdate();
    }

    private static Uni<Void> replacePairs(Mutiny.Session s, UUID partnerId, List<ScopeItem> scope) {
        List<String[]> list = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ScopeItem item : scope == null ? List.<ScopeItem>of() : scope) {
            for (String category : item.categories() == null ? List.<String>of() : item.categories()) {
                if (seen.add(pair(item.purpose(), category))) {
                    list.add(new String[] {item.purpose(), category});
                }
            }
        }
        Uni<Integer> delete = s.createNativeQuery("DELETE FROM partner_scope WHERE partner_id = :id")
                .setParameter("id", partnerId).executeUpdate();
        if (list.isEmpty()) {
            return delete.replaceWithVoid();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO partner_scope (partner_id, purpose, category) VALUES ");
        for (int i = 0; i < list.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id, :p").append(i).append(", :c").append(i).append(')');
        }
        return delete.chain(() -> {
            var insert = s.createNativeQuery(sql.toString()).setParameter("id", partnerId);
            for (int i = 0; i < list.size(); i++) {
                insert.setParameter("p" + i, list.get(i)[0]).setParameter("c" + i, list.get(i)[1]);
            }
            return insert.executeUpdate();
        }).replaceWithVoid();
    }

    private static PartnerState state(UUID partnerId, Object[] row, List<Object[]> pairs, List<Object[]> transfers) {
        Set<String> scope = new LinkedHashSet<>();
        pairs.forEach(p -> scope.add(pair((String) p[0], (String) p[1])));
        List<ApprovedTransfer> approved = transfers.stream().map(t -> new ApprovedTransfer(
                String.valueOf(t[0]), Set.copyOf(List.of(((String) t[1]).split(","))))).toList();
        return new PartnerState(partnerId, PartnerStatus.valueOf((String) row[0]), (Boolean) row[1],
                ((Number) row[2]).intValue(), Set.copyOf(scope), row[3] == null ? null : String.valueOf(row[3]),
                approved);
    }

    static String pair(String purpose, String category) {
        return purpose + "|" + category;
    }
}
