package com.privacyplatform.commons.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform-wide telemetry settings (platform-commons' microprofile-config.properties and
 * platform-api's TraceExportSwitch) as each profile resolves them, without booting an application:
 * JSON log lines only in production; the SDK, and so any export, only with an OTLP endpoint.
 */
class TelemetryConfigTest {

    private static final String ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    /** A Quarkus test of the same JVM may have set it (OtlpSink): put back as it was. */
    private String before;

    @BeforeEach
    void noEndpoint() {
        before = System.getProperty(ENDPOINT);
        System.clearProperty(ENDPOINT);
    }

    @AfterEach
    void endpointAsBefore() {
        if (before == null) {
            System.clearProperty(ENDPOINT);
        } else {
            System.setProperty(ENDPOINT, before);
        }
    }

    @Test
    void logLinesAreJsonInProductionAndReadableInDevAndTest() {
        assertThat(config("prod").getValue("quarkus.log.console.json.enabled", Boolean.class)).isTrue();
        assertThat(config("dev").getValue("quarkus.log.console.json.enabled", Boolean.class)).isFalse();
        assertThat(config("test").getValue("quarkus.log.console.json.enabled", Boolean.class)).isFalse();
        assertThat(config("test").getValue("quarkus.log.console.format", String.class)).contains("%X{traceId}");
    }

    @Test
    void tracingIsOffWithoutAnEndpointAndOnWithOne() {
        assertThat(System.getenv("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).as("precondition").isNull();
        assertThat(config("prod").getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
        System.setProperty(ENDPOINT, "http://otel-collector.observability:4318");
        assertThat(config("prod").getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        System.setProperty(ENDPOINT, " ");
        assertThat(config("prod").getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    @Test
    void spansAreSentAsProtobufOverHttpWithoutEventsAndWithoutTheMessagingConnectorsOwnSpans() {
        SmallRyeConfig prod = config("prod");
        assertThat(prod.getValue("quarkus.otel.exporter.otlp.traces.protocol", String.class)).isEqualTo("http/protobuf");
        assertThat(prod.getValue("quarkus.otel.span.event.count.limit", Integer.class)).isZero();
        assertThat(prod.getValue("quarkus.otel.instrument.messaging", Boolean.class)).isFalse();
    }

    /**
     * The shipped defaults (every META-INF/microprofile-config.properties) and the discovered
     * sources - not the system properties, which a Quarkus test of the same JVM fills with its own.
     */
    private static SmallRyeConfig config(String profile) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile(profile).addDiscoveredSources();
        try {
            var resources = TelemetryConfigTest.class.getClassLoader().getResources("META-INF/microprofile-config.properties");
            while (resources.hasMoreElements()) {
                builder.withSources(new PropertiesConfigSource(resources.nextElement(), 100));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }
}
