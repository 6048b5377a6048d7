package com.privacyplatform.dsr.request;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One change a CORRECTION asks for: the data category (vocabulary id) and its new value. */
@RegisterForReflection
public record Correction(String field, String value) {
}
