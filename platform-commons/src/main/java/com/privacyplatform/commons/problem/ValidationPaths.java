package com.privacyplatform.commons.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.List;

/** Turns validator and Jackson paths into the JSON field paths that clients sent. */
final class ValidationPaths {

    private ValidationPaths() {
    }

    /** {@code create.request.purposes[1].purpose} becomes {@code purposes[1].purpose}. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                out.setLength(0); // the body parameter itself is the root of the JSON document
                continue;
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.isEmpty() ? parameterName(violation) : out.toString();
    }

    private static String parameterName(ConstraintViolation<?> violation) {
        String last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node.getName();
        }
        return last == null ? "body" : last;
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
