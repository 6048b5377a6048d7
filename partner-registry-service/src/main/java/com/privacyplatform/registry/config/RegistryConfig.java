package com.privacyplatform.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rules of the registry that an operator may tune. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    Audit audit();

    Inspection inspection();

    /** How often overdue inspections and audit findings are scanned for ({@code off} disables it). */
    @WithDefault("5m")
    String overdueScan();

    interface Audit {
        /** 4.4: the least advance notice before an audit starts. */
        @WithDefault("P14D")
        Duration minimumNotice();
    }

    interface Inspection {
        /** 3.4.e: self-inspections fall due this many months after the previous period ended (or activation). */
        @WithDefault("12")
        int intervalMonths();
    }
}
