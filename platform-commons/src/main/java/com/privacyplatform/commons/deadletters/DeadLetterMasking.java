package com.privacyplatform.commons.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.masking.MaskType;
import com.privacyplatform.commons.masking.Masking;
import com.privacyplatform.api.vocabulary.Vocabulary;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an operator sees of a dead letter's body (3.2.d). Events carry ids and facts, never personal
 * values - but a poison message is by definition not what its consumer expected, so nothing is
 * trusted: the CloudEvent attributes and, in {@code data}, only values of a shape that cannot be a
 * personal value are shown as they are (UUIDs, numbers, booleans, timestamps, durations, UPPER_SNAKE
 * enums, the vocabulary's purposes, categories and legal bases, country codes); every other string
 * gets the shared full mask. Field names are kept: they say what was there.
 */
final class DeadLetterMasking {

    static final Set<String> ATTRIBUTES = Set.of("specversion", "id", "source", "type", "subject", "time",
            "datacontenttype");

    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$");
    private static final Pattern DURATION = Pattern.compile("^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$");
    private static final Pattern ENUM = Pattern.compile("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$");
    private static final Pattern EVENT_TYPE = Pattern.compile("^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*$");
    private static final Pattern SOURCE = Pattern.compile("^/[a-z]+(-[a-z]+)*$");

    private DeadLetterMasking() {
    }

    /** The event with its attributes as they are (ids, type, source, time) and its data masked. */
    @Enforces("3.2.d")
    static JsonNode masked(JsonNode event) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (ATTRIBUTES.contains(field.getKey()) && field.getValue().isTextual()
                    && attribute(field.getKey(), field.getValue().asText())) {
                out.set(field.getKey(), field.getValue());
            } else {
                out.set(field.getKey(), value(field.getValue()));
            }
        }
        return out;
    }

    static JsonNode value(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> out.set(f.getKey(), value(f.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(v -> out.add(value(v)));
            return out;
        }
        if (node.isTextual()) {
            String text = node.asText();
            return safe(text) ? node : JsonNodeFactory.instance.textNode(Masking.mask(MaskType.FULL, text));
        }
        return node; // numbers, booleans, null
    }

    private static boolean attribute(String name, String value) {
        return switch (name) {
            case "id", "subject" -> UUID.matcher(value).matches();
            case "type" -> EVENT_TYPE.matcher(value).matches();
            case "source" -> SOURCE.matcher(value).matches();
            case "time" -> TIMESTAMP.matcher(value).matches();
            default -> value.length() <= 40 && !value.contains("@");
        };
    }

    static boolean safe(String text) {
        if (UUID.matcher(text).matches() || TIMESTAMP.matcher(text).matches() || DURATION.matcher(text).matches()
                || ENUM.matcher(text).matches()) {
            return true;
        }
        Vocabulary vocabulary = Vocabulary.get();
        return vocabulary.isPurpose(text) || vocabulary.isCategory(text) || vocabulary.isLegalBasis(text)
                || vocabulary.isTransferMechanism(text) || Vocabulary.isCountryCode(text);
    }
}
