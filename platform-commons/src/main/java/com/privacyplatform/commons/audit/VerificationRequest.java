package com.privacyplatform.commons.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Checkpoints to verify the chain against instead of the service's own copy: typically the copy
 * the partner registry keeps ({@code GET /audit-checkpoints?source=...} there), which someone
 * holding only this service's database credentials cannot have changed.
 */
public record VerificationRequest(@NotNull @Size(max = 100_000) List<@NotNull @Valid CheckpointView> checkpoints) {
}
