package com.privacyplatform.registry.inspection;

import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Parses the parts of decoded keyset cursors; anything malformed is a 400, never a 500. */
public final class CursorKeys {

    private CursorKeys() {
    }

    public static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    public static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    /** Splits {@code a|b} into exactly two parts. */
    public static String[] pair(String value) {
        String[] parts = value.split("\\|", -1);
        if (parts.length != 2) {
            throw invalidCursor();
        }
        return parts;
    }

    private static ProblemException invalidCursor() {
        return ProblemException.validation("invalid cursor",
                List.of(new Problem.FieldError("cursor", "is not a cursor returned by this API")));
    }
}
