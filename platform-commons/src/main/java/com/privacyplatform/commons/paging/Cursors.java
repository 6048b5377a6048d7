package com.privacyplatform.commons.paging;

import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the last item, base64url-encoded so clients treat it as
 * a token. A cursor that does not decode is a 400, never a 500.
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Cursors() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("cursor", "is not a cursor returned by this API");
        }
    }

    /** A cursor over a numeric key; null cursor means "from the start" (returns {@code fromStart}). */
    public static long decodeLong(String cursor, long fromStart) {
        if (cursor == null || cursor.isBlank()) {
            return fromStart;
        }
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw invalid("cursor", "is not a cursor returned by this API");
        }
    }

    /** Validates {@code limit} (1..500, default 50). */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** Cuts a list fetched with {@code limit + 1} rows into a page. */
    public static <T> Page<T> page(List<T> fetched, int limit, java.util.function.Function<T, String> keyOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, encode(keyOf.apply(items.get(limit - 1))));
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.validation("invalid " + field, List.of(new Problem.FieldError(field, message)));
    }
}
