package com.privacyplatform.api.telemetry;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the OpenTelemetry SDK on exactly when an OTLP endpoint is configured (docs/tracing.md):
 * {@code quarkus.otel.sdk.disabled} is {@code false} when {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}
 * or {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} (or the matching system property) is set, else
 * {@code true}: without an endpoint nothing is recorded and nothing is sent - Quarkus would otherwise
 * export to its default {@code localhost:4317}. The lowest ordinal: an explicit
 * {@code quarkus.otel.sdk.disabled} anywhere wins. The environment is read on every lookup, never
 * cached, so a native image decides at run time, not at build time.
 */
public final class TraceExportSwitch implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final String[][] ENDPOINTS = {
            {"QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "quarkus.otel.exporter.otlp.traces.endpoint"},
            {"QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "quarkus.otel.exporter.otlp.endpoint"}};

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SDK_DISABLED);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(SDK_DISABLED, getValue(SDK_DISABLED));
    }

    @Override
    public String getValue(String name) {
        return SDK_DISABLED.equals(name) ? String.valueOf(!endpointConfigured()) : null;
    }

    @Override
    public String getName() {
        return "platform-trace-export-switch";
    }

    @Override
    public int getOrdinal() {
        return 10;
    }

    static boolean endpointConfigured() {
        for (String[] endpoint : ENDPOINTS) {
            if (present(System.getenv(endpoint[0])) || present(System.getProperty(endpoint[1]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
