package com.privacyplatform.breach.deletion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeletionOrderRequest", description = "3.4.j: which data categories the partner must delete.")
public record DeletionOrderRequest(
        @NotNull @Size(min = 1, max = 50) @Schema(examples = "[\"user.financial.transaction\"]")
        List<@NotBlank String> categories,
        @NotBlank @Size(max = 2000) @Schema(examples = "Copies of the leaked order export must be deleted")
        String reason) {
}
