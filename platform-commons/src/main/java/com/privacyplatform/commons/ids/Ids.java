package com.privacyplatform.commons.ids;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Identifiers of the platform: time-ordered UUID v7 (RFC 9562) from a maintained generator, so
 * new rows land at the end of their indexes; never database sequences (API-CONVENTIONS.md).
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static UUID newId() {
        return GENERATOR.generate();
    }
}
