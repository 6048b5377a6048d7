package com.privacyplatform.commons.problem;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one parser of text query parameters (filters). A JAX-RS conversion failure of a query
 * parameter is a bare 404 by the specification, but a wrong filter value is the client's input
 * error: each of these answers a 400 validation problem whose {@code errors[0].field} names the
 * parameter. Numbers ({@code limit}) are typed {@code Integer} parameters instead, converted by
 * {@link NumericQueryParams} with the same problem, so the OpenAPI document types them.
 *
 * <p>One rule for all: a parameter given blank ({@code ?overdue=}) is the same as one left out -
 * {@code null}, no filter - whatever its type (a blank boolean is neither {@code true} nor
 * {@code false}).
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The stripped text, or null when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** One of the enum's constants by its exact name; null when absent or blank. */
    public static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }

    /** A UUID; null when absent or blank. */
    public static UUID uuid(String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be a UUID");
        }
    }

    /** {@code true} or {@code false}; null when absent or blank (no filter). */
    public static Boolean bool(String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "must be true or false");
        };
    }

    /** The 400 validation problem naming the parameter {@code name} (also for cursors and limits). */
    public static ProblemException invalid(String name, String message) {
        return ProblemException.validation("invalid " + name, List.of(new Problem.FieldError(name, message)));
    }
}
