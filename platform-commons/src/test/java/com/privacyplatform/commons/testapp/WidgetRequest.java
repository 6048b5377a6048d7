package com.privacyplatform.commons.testapp;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record WidgetRequest(
        @NotBlank @Size(max = 80) String name,
        @Email String ownerEmail,
        @Min(0) @Max(10) int size) {
}
