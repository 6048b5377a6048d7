package com.privacyplatform.dsr.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.problem.ProblemType;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.config.DsrConfig;
import com.privacyplatform.dsr.crypto.Sealed;
import com.privacyplatform.dsr.crypto.ValueCipher;
import com.privacyplatform.dsr.export.ExportViews.ExportPartView;
import com.privacyplatform.dsr.export.ExportViews.ExportView;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.request.RequestViews.ExportSummaryView;
import com.privacyplatform.dsr.task.DsrTask;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * ACCESS exports: sealed at rest with AES-GCM (bound to the task), downloadable by the subject until
 * they expire ({@code dsr.export.ttl}), then erased by {@link ExportPurger}.
 */
@ApplicationScoped
public class ExportService {

    private final ExportRepository exports;
    private final ValueCipher cipher;
    private final ObjectMapper mapper;
    private final DsrConfig config;
    private final PlatformClock clock;

    public ExportService(ExportRepository exports, ValueCipher cipher, ObjectMapper mapper, DsrConfig config,
            PlatformClock clock) {
        this.exports = exports;
        this.cipher = cipher;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** Seals and stores the partner's export for the task; call inside the completing transaction. */
    @Enforces(value = "3.5.a", note = "access exports: sealed at rest, subject-only, expiring")
    public Uni<AccessExport> store(DsrTask task, JsonNode data) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (json.length > config.export().maxBytes()) {
            throw ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE, "the export is " + json.length
                    + " bytes; at most " + config.export().maxBytes() + " bytes are accepted");
        }
        Sealed sealed = cipher.seal(json, task.id.toString());
        AccessExport e = new AccessExport();
        e.id = Ids.newId();
        e.taskId = task.id;
        e.requestId = task.requestId;
        e.partnerId = task.partnerId;
        e.subjectId = task.subjectId;
        e.keyId = sealed.keyId();
        e.nonce = sealed.nonce();
        e.sealed = sealed.ciphertext();
        e.sizeBytes = json.length;
        e.createdAt = clock.now();
        e.expiresAt = e.createdAt.plus(config.export().ttl());
        return exports.persist(e);
    }

    /** What the request view shows: parts delivered, whether any can still be downloaded, until when. */
    public Uni<ExportSummaryView> summary(DsrRequest r) {
        if (r.type != RequestType.ACCESS) {
            return Uni.createFrom().nullItem();
        }
        return exports.ofRequest(source(r)).map(list -> {
            OffsetDateTime now = clock.now();
            List<AccessExport> live = list.stream().filter(e -> isLive(e, now)).toList();
            return new ExportSummaryView(list.size(), !live.isEmpty(), live.stream().map(e -> e.expiresAt)
                    .max(Comparator.naturalOrder()).map(OffsetDateTime::toInstant).orElse(null));
        });
    }

    /** The live parts, opened; 404 no export for this type, 409 none delivered yet, 410 all expired. */
    public Uni<ExportView> download(DsrRequest r) {
        if (r.type != RequestType.ACCESS) {
            throw ProblemException.notFound("only an ACCESS request has an export");
        }
        return exports.ofRequest(source(r)).map(list -> {
            if (list.isEmpty()) {
                throw ProblemException.conflict("no partner has delivered its export yet");
            }
            OffsetDateTime now = clock.now();
            List<ExportPartView> parts = list.stream().filter(e -> isLive(e, now)).map(this::open).toList();
            if (parts.isEmpty()) {
                throw ProblemException.of(410, "export-expired", "Export expired",
                        "the export expired and was erased; submit a new ACCESS request");
            }
            return new ExportView(r.id, r.subjectId, now.toInstant(), parts);
        });
    }

    /** A duplicate (LINKED) shares the export of the request it follows; both are the same subject's. */
    private static java.util.UUID source(DsrRequest r) {
        return r.linkedRequestId != null ? r.linkedRequestId : r.id;
    }

    private ExportPartView open(AccessExport e) {
        byte[] json = cipher.open(new Sealed(e.keyId, e.nonce, e.sealed), e.taskId.toString());
        try {
            return new ExportPartView(e.partnerId, e.taskId, e.createdAt.toInstant(), e.expiresAt.toInstant(),
                    mapper.readTree(json));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean isLive(AccessExport e, OffsetDateTime now) {
        return e.purgedAt == null && e.sealed != null && e.expiresAt.isAfter(now);
    }
}
