package com.privacyplatform.commons.paging;

import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.problem.QueryParams;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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

    /** A cursor over a UUID key (e.g. time-ordered v7 ids); null or blank means "from the start". */
    public static UUID decodeUuid(String cursor) {
        return cursor == null || cursor.isBlank() ? null : part(decode(cursor), UUID::fromString);
    }

    /** A cursor over a composite key {@code a|b|...} with exactly {@code count} parts; null when blank. */
    public static String[] decodeParts(String cursor, int count) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = decode(cursor).split("\\|", -1);
        if (parts.length != count) {
            throw invalid("cursor", "is not a cursor returned by this API");
        }
        return parts;
    }

    /** Parses one part of a decoded cursor; anything malformed is a 400, never a 500. */
    public static <T> T part(String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw invalid("cursor", "is not a cursor returned by this API");
        }
    }

    /** The most common composite key: creation time, then id (see {@link #timeAndId(OffsetDateTime, UUID)}). */
    public record TimeAndId(OffsetDateTime at, UUID id) {
    }

    public static String timeAndId(OffsetDateTime at, UUID id) {
        return at + "|" + id;
    }

    public static TimeAndId decodeTimeAndId(String cursor) {
        String[] parts = decodeParts(cursor, 2);
        return parts == null ? null
                : new TimeAndId(part(parts[0], OffsetDateTime::parse), part(parts[1], UUID::fromString));
    }

    /** A due-date-ordered key: day, then id (see {@link #dateAndId(LocalDate, UUID)}). */
    public record DateAndId(LocalDate on, UUID id) {
    }

    public static String dateAndId(LocalDate on, UUID id) {
        return on + "|" + id;
    }

    public static DateAndId decodeDateAndId(String cursor) {
        String[] parts = decodeParts(cursor, 2);
        return parts == null ? null
                : new DateAndId(part(parts[0], LocalDate::parse), part(parts[1], UUID::fromString));
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
    public static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> keyOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, encode(keyOf.apply(items.get(limit - 1))));
    }

    private static ProblemException invalid(String field, String message) {
        return QueryParams.invalid(field, message);
    }
}
