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

    public RecipientCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<Recipient> fromRequest(List<RecipientRequest> requests) {
        return requests.stream().map(r -> new Recipient(r.name().strip(), r.country(),
                r.kind() == null ? Recipient.Kind.ORGANIZATION : r.kind(),
                r.contactEmail() == null || r.contactEmail().isBlank() ? null : r.contactEmail().strip())).toList();
    }

    public String toJson(List<Recipient> recipients) {
        try {
            return mapper.writeValueAsString(new Stored(recipients));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recipients not serialisable", e);
        }
    }

    public List<Recipient> fromJson(String json) {
        try {
            Stored stored = json == null ? null : mapper.readValue(json, Stored.class);
            return stored == null || stored.recipients() == null ? List.of() : stored.recipients();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored recipients unreadable", e);
        }
    }
}
