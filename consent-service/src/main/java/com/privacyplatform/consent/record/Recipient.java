package com.privacyplatform.consent.record;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A third party the partner may disclose the data to under this consent (3.3.a). A PERSON's name
 * and any contact e-mail are personal values: masked for viewers other than the subject and the
 * partner (3.2.d).
 */
@RegisterForReflection
@Schema(name = "Recipient")
public record Recipient(
        @Schema(examples = "Acme Logistics Ltd.") String name,
        @Schema(description = "ISO 3166-1 alpha-2", examples = "SG") String country,
        @Schema(examples = "ORGANIZATION") Kind kind,
        @Schema(description = "The recipient's privacy contact, for notices under 3.5.c.b",
                examples = "privacy@acme-logistics.example") String contactEmail) {

    public enum Kind {
        ORGANIZATION, PERSON
    }
}
