package com.privacyplatform.commons.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * CloudEvents 1.0 structured JSON through the CloudEvents SDK (no hand-rolled envelope). The
 * format is instantiated directly rather than looked up through ServiceLoader: native-friendly.
 */
public final class CloudEventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE; // application/cloudevents+json
    /** The CloudEvents distributed tracing extension attribute. */
    public static final String TRACEPARENT = "traceparent";
    private static final JsonFormat FORMAT = new JsonFormat();

    private CloudEventCodec() {
    }

    public static byte[] encode(UUID id, String type, String source, String subject, OffsetDateTime time,
            String jsonData) {
        return encode(id, type, source, subject, time, jsonData, null);
    }

    /**
     * @param traceparent the W3C trace context of the event's publication (the CloudEvents distributed
     *                    tracing extension, docs/tracing.md); null: none
     */
    public static byte[] encode(UUID id, String type, String source, String subject, OffsetDateTime time,
            String jsonData, String traceparent) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id.toString())
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withTime(time)
                .withDataContentType("application/json")
                .withData(jsonData.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            builder.withExtension(TRACEPARENT, traceparent);
        }
        return FORMAT.serialize(builder.build());
    }

    /** @throws io.cloudevents.rw.CloudEventRWException when the bytes are not a CloudEvent */
    public static CloudEvent decode(byte[] bytes) {
        return FORMAT.deserialize(bytes);
    }
}
