package com.privacyplatform.consent.record;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.db.GroupCommit;
import com.privacyplatform.commons.db.JointInsert;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.projection.ProjectionSync;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import com.privacyplatform.consent.config.ConsentConfig;
import com.privacyplatform.consent.partner.PartnerReconciliation;
import com.privacyplatform.consent.partner.ProjectionRepository;
import com.privacyplatform.consent.partner.ProjectionRepository.PartnerState;
import com.privacyplatform.consent.record.ImportRequests.ImportRequest;
import com.privacyplatform.consent.record.ImportRequests.MigrationRequest;
import com.privacyplatform.consent.record.RecordRequests.PurposeDecision;
import com.privacyplatform.consent.record.RecordRequests.RecordRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a collection event: validates it, checks the policy rules against the partner
 * projection and its timing against the subject's earlier decisions, then stores one decision per
 * purpose (1.2), each with its history entry, its event and its audit record, in the caller's
 * transaction. A newer decision supersedes the live one for the same subject, partner and purpose;
 * nothing is overwritten.
 */
@ApplicationScoped
public class RecordService {

    private final ConsentRepository consents;
    private final ProjectionRepository projection;
    private final RecipientCodec recipients;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Caller caller;
    private final ConsentConfig config;
    private final ProjectionSync projections;
    private final PlatformClock clock;
    private final GroupCommit group;

    public RecordService(ConsentRepository consents, ProjectionRepository projection, RecipientCodec recipients,
            Outbox outbox, AuditTrail audit, Caller caller, ConsentConfig config, ProjectionSync projections,
            PlatformClock clock, GroupCommit group) {
        this.group = group;
        this.projections = projections;
        this.consents = consents;
        this.projection = projection;
        this.recipients = recipients;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    /** How a decision came in: recorded by the partner, or imported by an officer as a documented migration. */
    private record Origin(Cause cause, String reason, String auditAction, String migrationReference) {

        static final Origin PARTNER = new Origin(Cause.RECORDED, null, "consent.recorded", null);

        static Origin migration(MigrationRequest m) {
            return new Origin(Cause.IMPORTED, "migration " + m.reference() + ": " + m.justification().strip(),
                    "consent.imported", m.reference());
        }

        boolean imported() {
            return cause == Cause.IMPORTED;
        }
    }

    /**
     * What a recording is judged against: the partner as last committed and the subject's decisions
     * for it (their ends for the timing rule, the live one per purpose to supersede), read in one
     * statement on the pool before the recording transaction opens
     * ({@link ProjectionRepository#committedWithDecisionsOf}), then passed to {@link #record} or
     * {@link #importMigrated}. What the rules see is what a read inside the transaction saw at READ
     * COMMITTED: a concurrent write of the same purpose still meets the unique index consent_live (409),
     * and a superseded decision is read again in the transaction (409 when it changed in between).
     */
    public Uni<Known> known(UUID partnerId, String subjectId) {
        return projection.committedWithDecisionsOf(partnerId, subjectId).map(found -> found
                .map(c -> new Known(Optional.of(c.partner()), DecisionRows.parse(partnerId, subjectId, c.decisionsJson())))
                .orElseGet(() -> new Known(Optional.empty(), List.of())));
    }

    /** The partner (empty: unknown) and the subject's decisions for it, detached (see {@link #known}). */
    public record Known(Optional<PartnerState> partner, List<Consent> decisions) {
    }

    /**
     * 1.1: no collection without a recorded prior authorization; call inside a transaction, with
     * {@code known} from {@link #known}.
     */
    @Enforces({"1.1", "1.2"})
    public Uni<List<Consent>> record(UUID partnerId, RecordRequest request, Known known) {
        return record(partnerId, request, Origin.PARTNER, known, false);
    }

    /**
     * Whether recording {@code request} is one statement and nothing else: one purpose, and no live
     * decision of the subject for it to supersede (the common first decision). Then, when no
     * {@code Idempotency-Key} needs its row in the same transaction, {@link #recordAlone} records it
     * without a transaction block.
     */
    public boolean isOneStatement(RecordRequest request, Known known) {
        if (request.purposes() == null || request.purposes().size() != 1 || request.purposes().get(0) == null) {
            return false;
        }
        String purpose = request.purposes().get(0).purpose();
        return known.decisions().stream().noneMatch(c -> c.purpose.equals(purpose)
                && (c.state == ConsentState.GRANTED || c.state == ConsentState.REFUSED));
    }

    /**
     * {@link #record}, when {@link #isOneStatement}, as that one statement on the pool (atomic by
     * itself: the decision, its history entry, event and audit record commit together or not at all),
     * with no session and no {@code BEGIN}/{@code COMMIT} round trips (issue 16.1); the statements that
     * arrive while others are on their way commit together ({@link GroupCommit}). The rules are the
     * same; a concurrent live decision of the same purpose still meets consent_live: 409.
     */
    @Enforces({"1.1", "1.2"})
    public Uni<List<Consent>> recordAlone(UUID partnerId, RecordRequest request, Known known) {
        return record(partnerId, request, Origin.PARTNER, known, true);
    }

    /**
     * 1.2: decisions collected before the recording window, imported by a compliance officer as a
     * documented migration; every other rule applies. Field paths of refusals are those of the body.
     */
    @Enforces({"1.1", "1.2"})
    public Uni<List<Consent>> importMigrated(ImportRequest request, Known known) {
        return Uni.createFrom().deferred(() -> record(request.partnerId(), request.collection(),
                        Origin.migration(request.migration()), known, false))
                .onFailure(ProblemException.class).transform(e -> ImportPaths.prefixed((ProblemException) e,
                        "collection."));
    }

    private Uni<List<Consent>> record(UUID partnerId, RecordRequest request, Origin origin, Known known,
            boolean alone) {
        Instant now = clock.instant();
        RecordValidation.validate(request, now, config.record().maxClockSkew());
        // 503 until the partner projection is first built from the registry (issue 18.2)
        projections.requireBuilt(PartnerReconciliation.PROJECTION);
        RecordRules.check(known.partner(), request);
        if (!origin.imported()) {
            CollectionTiming.requireRecent(request, now, config.record().maxCollectionAge());
        }
        List<String> purposes = request.purposes().stream().map(PurposeDecision::purpose).toList();
        List<Consent> earlier = known.decisions().stream().filter(c -> purposes.contains(c.purpose)).toList();
        CollectionTiming.requireAfterLastEnds(request, DecisionEnds.latestByPurpose(earlier, Utc.utc(now)));
        Map<String, Consent> live = liveByPurpose(earlier);
        if (alone && (request.purposes().size() != 1 || !live.isEmpty())) {
            throw new IllegalStateException("not one statement: call record instead");
        }
        return recordAll(partnerId, request, origin, live, alone);
    }

    /**
     * The live decision per purpose among the subject's decisions read before the transaction (at
     * most one per purpose: the unique index consent_live), so that recording needs no further query
     * per purpose. A concurrent write of the same purpose committing in between still meets that
     * index: 409, nothing recorded.
     */
    private static Map<String, Consent> liveByPurpose(List<Consent> decisions) {
        Map<String, Consent> live = new HashMap<>();
        for (Consent c : decisions) {
            if (c.state == ConsentState.GRANTED || c.state == ConsentState.REFUSED) {
                live.put(c.purpose, c);
            }
        }
        return live;
    }

    private Uni<List<Consent>> recordAll(UUID partnerId, RecordRequest request, Origin origin,
            Map<String, Consent> live, boolean alone) {
        List<Recipient> given = recipients.fromRequest(request.recipientsOrEmpty());
        String recipientJson = recipients.toJson(given);
        List<ConsentEvents.EventRecipient> forEvents = ConsentViewMapper.masked(given).stream()
                .map(x -> new ConsentEvents.EventRecipient(x.name(), x.country(), x.kind())).toList();
        OffsetDateTime at = clock.now();
        if (alone) {
            Consent c = decision(partnerId, request, request.purposes().get(0), recipientJson, at);
            return JointInsert.insertAlone(group, rows(c, request.purposes().get(0), forEvents, at, origin, null))
                    .replaceWith(() -> List.of(c));
        }
        // one decision per purpose, one after another on the one session
        return Multi.createFrom().iterable(request.purposes())
                .onItem().transformToUniAndConcatenate(d -> recordOne(partnerId, request, d, recipientJson, forEvents,
                        at, origin, live.get(d.purpose())))
                .collect().asList();
    }

    private Uni<Consent> recordOne(UUID partnerId, RecordRequest r, PurposeDecision d, String recipientJson,
            List<ConsentEvents.EventRecipient> forEvents, OffsetDateTime at, Origin origin, Consent previous) {
        Consent c = decision(partnerId, r, d, recipientJson, at);
        return (previous == null ? Uni.createFrom().<UUID>nullItem() : supersede(previous, c.id, at))
                .chain(supersedes -> Panache.getSession().chain(session -> JointInsert.insert(session,
                        rows(c, d, forEvents, at, origin, supersedes))))
                .replaceWith(c);
    }

    /** The decision, its history entry, its event and its audit record: one statement (issue 16.1). */
    private List<JointInsert.Part> rows(Consent c, PurposeDecision d, List<ConsentEvents.EventRecipient> forEvents,
            OffsetDateTime at, Origin origin, UUID supersedes) {
        AuditActor actor = caller.auditActor();
        return List.of(ConsentRows.consent(c),
                ConsentRows.history(HistoryEntry.of(c, null, origin.cause(), origin.reason(), actor, null, at)),
                outbox.part(Boolean.TRUE.equals(d.granted()) ? ConsentEvents.GRANTED : ConsentEvents.REFUSED,
                        c.id.toString(), decided(c, forEvents, supersedes)),
                audit.part(actor, origin.auditAction(), "consent", c.id.toString(), auditDetails(c, origin)));
    }

    private static String auditDetails(Consent c, Origin origin) {
        JsonObject details = new JsonObject().put("purpose", c.purpose).put("decision", c.decision.name());
        if (origin.imported()) {
            details.put("migration", origin.migrationReference()).put("collectedAt", c.collectedAt.toInstant().toString());
        }
        return details.encode();
    }

    /** {@code seen} as read before the transaction; read again here, and 409 when it changed since. */
    private Uni<UUID> supersede(Consent seen, UUID by, OffsetDateTime at) {
        return consents.findById(seen.id).chain(previous -> {
            if (previous == null || previous.state != seen.state || previous.version != seen.version) {
                throw ProblemException.conflict("the subject's decision for purpose " + seen.purpose
                        + " changed while this one was recorded; nothing recorded, send it again");
            }
            return supersedeLive(previous, by, at);
        });
    }

    private Uni<UUID> supersedeLive(Consent previous, UUID by, OffsetDateTime at) {
        ConsentState from = previous.state;
        previous.state = ConsentState.SUPERSEDED;
        previous.stateChangedAt = at;
        HistoryEntry entry = HistoryEntry.of(previous, from, Cause.SUPERSEDED, "a newer decision was recorded",
                caller.auditActor(), null, at);
        entry.supersededBy = by;
        // flushed before the new decision is inserted: at most one live decision per purpose
        return entry.persist().chain(consents::flush).replaceWith(previous.id);
    }

    private static Consent decision(UUID partnerId, RecordRequest r, PurposeDecision d, String recipientJson,
            OffsetDateTime at) {
        Vocabulary vocabulary = Vocabulary.get();
        Consent c = new Consent();
        c.id = Ids.newId();
        c.subjectId = r.subjectId();
        c.partnerId = partnerId;
        c.purpose = d.purpose();
        c.categories = d.categories().toArray(String[]::new);
        c.sensitive = d.categories().stream().anyMatch(vocabulary::isSensitive);
        c.decision = Boolean.TRUE.equals(d.granted()) ? Decision.GRANTED : Decision.REFUSED;
        c.state = c.decision == Decision.GRANTED ? ConsentState.GRANTED : ConsentState.REFUSED;
        c.legalBasis = r.legalBasis();
        c.method = r.method();
        c.noticeVersion = r.notice().version().strip();
        c.noticeHash = r.notice().textHash().toLowerCase(Locale.ROOT);
        c.language = RecordValidation.languageTag(r.language());
        c.channel = r.channel();
        c.jurisdiction = r.jurisdiction();
        c.collectedAt = Utc.utc(r.collectedAt());
        c.expiresAt = r.expiresAt() == null ? null : Utc.utc(r.expiresAt());
        c.recipients = recipientJson;
        c.recordedAt = at;
        c.stateChangedAt = at;
        return c;
    }

    private static ConsentEvents.Decided decided(Consent c, List<ConsentEvents.EventRecipient> recipients,
            UUID supersedes) {
        return new ConsentEvents.Decided(c.id, c.partnerId, c.subjectId, c.purpose, List.of(c.categories), c.sensitive,
                c.legalBasis, c.method, c.jurisdiction, c.noticeVersion, !recipients.isEmpty(), recipients, supersedes,
                c.collectedAt.toInstant(), c.expiresAt == null ? null : c.expiresAt.toInstant(), c.recordedAt.toInstant());
    }
}
