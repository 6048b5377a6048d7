package com.privacyplatform.breach.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rules of the breach service that an operator may tune; the duty table itself is notification-duties.json. */
@ConfigMapping(prefix = "breach")
public interface BreachConfig {

    /** 5.1 "immediately notify": a report later than this after discoveredAt is flagged as late. */
    @WithDefault("PT24H")
    Duration platformReportGrace();

    /** How far in the future a reported time may lie (clients' clocks drift). */
    @WithDefault("PT5M")
    Duration clockSkew();

    Duties duties();

    Scale severity();

    Orders orders();

    interface Duties {
        /** The working window of duties the law says must happen "immediately" (PIPL Art. 57). */
        @WithDefault("PT24H")
        Duration immediately();

        /** A pending duty is announced as due (breach.duty-due) this fraction of its window before it lapses... */
        @WithDefault("0.25")
        double warningFraction();

        /** ...but never earlier than this before it lapses. */
        @WithDefault("P2D")
        Duration warningMaxLead();

        /** How often the escalation scan runs (a Quarkus scheduler interval, or "off"). */
        @WithDefault("1m")
        String scanEvery();

        /** Duties handled per scan run; the next run continues. */
        @WithDefault("500")
        int scanBatch();
    }

    interface Scale {
        /** At least this many affected subjects is a large-scale incident (at least HIGH). */
        @WithDefault("1000")
        long largeScale();

        /** At least this many is a massive one (CRITICAL). */
        @WithDefault("100000")
        long massiveScale();
    }

    interface Orders {
        /** How often expired emergency orders are lifted (a Quarkus scheduler interval, or "off"). */
        @WithDefault("30s")
        String expiryScanEvery();
    }
}
