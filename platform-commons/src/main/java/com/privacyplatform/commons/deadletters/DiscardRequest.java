package com.privacyplatform.commons.deadletters;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a dead letter is discarded: written to the audit trail with the message id (no personal values). */
public record DiscardRequest(@NotBlank @Size(max = 500) String reason) {
}
