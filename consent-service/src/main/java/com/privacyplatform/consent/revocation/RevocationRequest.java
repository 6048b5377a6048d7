package com.privacyplatform.consent.revocation;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 3.5.a: revocation needs no justification; a reason may be given. */
@Schema(name = "RevocationRequest")
public record RevocationRequest(
        @Size(max = 500) @Schema(description = "Optional", examples = "I no longer want marketing messages")
        String reason) {
}
