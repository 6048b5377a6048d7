package com.privacyplatform.dsr.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small JSON objects for timeline and audit details, properly escaped. Never pass personal values. */
public final class Details {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Details() {
    }

    /** {@code of("reason", text, "dueOn", date)}: keys and values alternate; values are written as strings. */
    public static String of(Object... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(String.valueOf(keyValues[i]), keyValues[i + 1] == null ? null : String.valueOf(keyValues[i + 1]));
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
