package com.privacyplatform.commons.deadletters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The dead-letter tool's settings ({@code platform.dead-letters.*}). */
@ConfigMapping(prefix = "platform.dead-letters")
public interface DeadLetterConfig {

    /**
     * How many messages of one dead-letter queue are looked at per request at most (they are taken
     * with basic.get and put back in their order when the request ends).
     */
    @WithDefault("10000")
    int scanLimit();
}
