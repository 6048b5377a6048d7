package com.privacyplatform.breach.support;

import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Query parameters parsed by hand: a JAX-RS conversion failure of a query parameter is a 404 by
 * the specification, but a wrong filter value is the client's input error - a 400 naming it.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be a UUID");
        }
    }

    public static boolean bool(String name, String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw invalid(name, "must be true or false");
    }

    public static Boolean optionalBool(String name, String value) {
        return value == null || value.isBlank() ? null : bool(name, value);
    }

    public static int limit(String value) {
        if (value == null || value.isBlank()) {
            return Cursors.limit(null);
        }
        try {
            return Cursors.limit(Integer.valueOf(value.strip()));
        } catch (NumberFormatException e) {
            throw invalid("limit", "must be a whole number between 1 and " + Cursors.MAX_LIMIT);
        }
    }

    private static ProblemException invalid(String name, String message) {
        return ProblemException.validation("invalid " + name, List.of(new Problem.FieldError(name, message)));
    }
}
