package com.privacyplatform.commons.metrics;

import java.util.List;

/**
 * A CDI bean of a service (or of platform-commons) that contributes gauges to {@link PlatformGauges}:
 * the gauges are registered once at start and refreshed together on the interval.
 */
public interface GaugeSource {

    List<PlatformGauge> gauges();
}
