package com.privacyplatform.breach.assessment;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of the severity derivation: which rule, the fact it saw, and the level after it. */
@RegisterForReflection
@Schema(name = "SeverityReason")
public record SeverityReason(
        @Schema(examples = "sensitive-data") String rule,
        @Schema(examples = "personal sensitive information involved (2.2): user.health") String detail,
        @Schema(examples = "HIGH") Severity level) {
}
