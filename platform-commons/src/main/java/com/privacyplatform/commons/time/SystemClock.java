package com.privacyplatform.commons.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The {@link Clock} behind {@link PlatformClock}: the system's UTC clock unless another bean replaces it (tests). */
@Dependent
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemUtc() {
        return Clock.systemUTC();
    }
}
