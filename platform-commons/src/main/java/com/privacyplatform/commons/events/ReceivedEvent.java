package com.privacyplatform.commons.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A consumed CloudEvent with its {@code data} decoded on demand into the event's record class. */
public final class ReceivedEvent {

    private final CloudEvent event;
    private final ObjectMapper mapper;

    ReceivedEvent(CloudEvent event, ObjectMapper mapper) {
        this.event = event;
        this.mapper = mapper;
    }

    public UUID id() {
        return UUID.fromString(event.getId());
    }

    public String type() {
        return event.getType();
    }

    public String source() {
        return event.getSource().toString();
    }

    public String subject() {
        return event.getSubject();
    }

    /** The CloudEvents distributed tracing extension: the publication's trace context; null without one. */
    public String traceparent() {
        Object value = event.getExtension(CloudEventCodec.TRACEPARENT);
        return value == null ? null : value.toString();
    }

    public OffsetDateTime time() {
        return event.getTime();
    }

    public <T> T data(Class<T> type) {
        if (event.getData() == null) {
            throw new IllegalArgumentException("event " + event.getId() + " carries no data");
        }
        try {
            return mapper.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.getId() + " data does not match " + type.getSimpleName(), e);
        }
    }
}
