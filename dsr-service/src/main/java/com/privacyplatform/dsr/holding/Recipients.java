package com.privacyplatform.dsr.holding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.dsr.events.ConsumedEvents.RecipientData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads and writes the recipients JSON of a holding. */
@ApplicationScoped
public class Recipients {

    private static final TypeReference<List<RecipientData>> LIST = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public Recipients(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<RecipientData> of(ConsentHolding holding) {
        try {
            return holding.recipients == null ? List.of() : mapper.readValue(holding.recipients, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored recipients unreadable for consent " + holding.consentId, e);
        }
    }

    /** Trims names to 200 characters; a country that is not ISO 3166-1 alpha-2 is dropped, not guessed. */
    static RecipientData clean(RecipientData r) {
        String name = r.name().strip();
        String country = r.country() == null ? null : r.country().strip();
        country = Vocabulary.isCountryCode(country) ? country : null;
        return new RecipientData(name.length() > 200 ? name.substring(0, 200) : name, country);
    }

    public String toJson(List<RecipientData> recipients) {
        try {
            return mapper.writeValueAsString(recipients == null ? List.of() : recipients.stream()
                    .filter(r -> r != null && r.name() != null && !r.name().isBlank())
                    .map(Recipients::clean).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
