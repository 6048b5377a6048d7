package com.privacyplatform.breach.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Lists kept as JSON text (categories, jurisdictions, severity reasons; TEXT columns, because the
 * reactive client decodes jsonb into JSON objects only). Element types are registered for
 * reflection; no anonymous TypeReference, so nothing depends on generic signatures in a native image.
 */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + value.getClass().getSimpleName(), e);
        }
    }

    public static List<String> strings(String json) {
        return list(json, String.class);
    }

    public static <T> List<T> list(String json, Class<T> element) {
        try {
            return json == null ? List.of()
                    : MAPPER.readValue(json, MAPPER.getTypeFactory().constructCollectionType(List.class, element));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
