package com.privacyplatform.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    @Test
    void encodesAStructuredCloudEventThatDecodesToTheSameAttributes() {
        UUID id = UUID.randomUUID();
        OffsetDateTime time = OffsetDateTime.of(2026, 11, 26, 1, 2, 3, 456_000_000, ZoneOffset.UTC);
        byte[] bytes = CloudEventCodec.encode(id, "partner.terminated", "/partner-registry-service", "p-1", time,
                "{\"partnerId\":\"p-1\"}");
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json).contains("\"specversion\":\"1.0\"").contains("\"data\":{\"partnerId\":\"p-1\"}");

        CloudEvent event = CloudEventCodec.decode(bytes);
        assertThat(event.getId()).isEqualTo(id.toString());
        assertThat(event.getType()).isEqualTo("partner.terminated");
        assertThat(event.getSource().toString()).isEqualTo("/partner-registry-service");
        assertThat(event.getSubject()).isEqualTo("p-1");
        assertThat(event.getTime()).isEqualTo(time);
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).contains("p-1");
    }

    @Test
    void refusesBytesThatAreNoCloudEvent() {
        assertThatThrownBy(() -> CloudEventCodec.decode("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuntimeException.class);
    }
}
