package com.privacyplatform.commons.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One message taken from a dead-letter queue (not acknowledged yet): its body, properties and its
 * deaths (the broker's {@code x-death} header, most recent first). {@link #key()} identifies it:
 * the CloudEvent {@code id} when the body is a platform event, else {@code body-<sha-256 prefix>} of
 * the body (an unreadable message has no id of its own).
 */
record DeadLetter(long deliveryTag, String key, JsonNode event, byte[] body, AMQP.BasicProperties properties,
        List<Death> deaths) {

    /** One entry of {@code x-death}: why and where the message died, when first, how many times. */
    record Death(String reason, String queue, Instant time, long count, String exchange, List<String> routingKeys) {
    }

    static DeadLetter of(GetResponse response, ObjectMapper mapper) {
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody();
        JsonNode event = parse(body, mapper);
        String key = event != null && event.path("id").isTextual() && isUuid(event.path("id").asText())
                ? event.path("id").asText() : "body-" + digest(body);
        return new DeadLetter(response.getEnvelope().getDeliveryTag(), key, event, body, response.getProps(),
                deaths(response.getProps()));
    }

    /** The queue it failed on: where it died last. */
    String failedOn() {
        return deaths.isEmpty() ? null : deaths.get(0).queue();
    }

    String eventType() {
        return event != null && event.path("type").isTextual() ? event.path("type").asText() : null;
    }

    private static JsonNode parse(byte[] body, ObjectMapper mapper) {
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Death> deaths(AMQP.BasicProperties props) {
        Map<String, Object> headers = props == null ? null : props.getHeaders();
        Object xDeath = headers == null ? null : headers.get("x-death");
        List<Death> deaths = new ArrayList<>();
        if (xDeath instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map) {
                    Object time = map.get("time");
                    Object count = map.get("count");
                    List<String> keys = new ArrayList<>();
                    if (map.get("routing-keys") instanceof List<?> rk) {
                        rk.forEach(k -> keys.add(String.valueOf(k)));
                    }
                    deaths.add(new Death(text(map.get("reason")), text(map.get("queue")),
                            time instanceof Date d ? d.toInstant() : null,
                            count instanceof Number n ? n.longValue() : 0L, text(map.get("exchange")), List.copyOf(keys)));
                }
            }
        }
        return List.copyOf(deaths);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }
}
