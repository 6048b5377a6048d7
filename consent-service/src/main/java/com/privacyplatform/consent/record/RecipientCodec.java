package com.privacyplatform.consent.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.consent.record.RecordRequests.RecipientRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Recipients as stored (a jsonb array) and as given in requests. */
@ApplicationScoped
public class RecipientCodec {

    /** Stored as an object: the reactive driver hands JSON arrays to Hibernate in a form it cannot map to String. */
    @RegisterForReflection
    public record Stored(List<Recipient> recipients) {
    }

    private final ObjectMapper mapper;
    /**
     * The stored form of "no recipients" (most decisions), as the mapper writes it: written and read back
     * without Jackson - a write used to serialise it once and parse it twice more for its view and receipt
     * (issue 16.1).
     */
    private final String none;

    public RecipientCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.none = write(new Stored(List.of()));
    }

    public List<Recipient> fromRequest(List<RecipientRequest> requests) {
        return requests.stream().map(r -> new Recipient(r.name().strip(), r.country(),
                r.kind() == null ? Recipient.Kind.ORGANIZATION : r.kind(),
                r.contactEmail() == null || r.contactEmail().isBlank() ? null : r.contactEmail().strip())).toList();
    }

    public String toJson(List<Recipient> recipients) {
        return recipients.isEmpty() ? none : write(new Stored(recipients));
    }

    private String write(Stored stored) {
        try {
            return mapper.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recipients not serialisable", e);
        }
    }

    public List<Recipient> fromJson(String json) {
        if (none.equals(json)) {
            return List.of();
        }
        try {
            Stored stored = json == null ? null : mapper.readValue(json, Stored.class);
            return stored == null || stored.recipients() == null ? List.of() : stored.recipients();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored recipients unreadable", e);
        }
    }
}
