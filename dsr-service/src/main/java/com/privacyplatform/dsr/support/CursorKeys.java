package com.privacyplatform.dsr.support;

import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Keyset cursor contents: "time|id" or "date|id"; anything else is a 400. */
public final class CursorKeys {

    public record TimeKey(OffsetDateTime at, UUID id) {
    }

    public record DateKey(LocalDate on, UUID id) {
    }

    private CursorKeys() {
    }

    public static String time(OffsetDateTime at, UUID id) {
        return at.withOffsetSameInstant(ZoneOffset.UTC) + "|" + id;
    }

    public static String date(LocalDate on, UUID id) {
        return on + "|" + id;
    }

    /** Null for no cursor (first page). */
    public static TimeKey time(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] key = Cursors.decode(cursor).split("\\|", 2);
        try {
            return new TimeKey(OffsetDateTime.parse(key[0]), UUID.fromString(key[1]));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public static DateKey date(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] key = Cursors.decode(cursor).split("\\|", 2);
        try {
            return new DateKey(LocalDate.parse(key[0]), UUID.fromString(key[1]));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.validation("invalid cursor",
                List.of(new Problem.FieldError("cursor", "is not a cursor returned by this API")));
    }
}
