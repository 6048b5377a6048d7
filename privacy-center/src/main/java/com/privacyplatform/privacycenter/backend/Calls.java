package com.privacyplatform.privacycenter.backend;

import jakarta.ws.rs.ProcessingException;
import java.util.function.Supplier;

/** Runs one call to a service; a service that cannot be reached becomes a {@link BackendException}. */
public final class Calls {

    public static final String CONSENT = "consent-service";
    public static final String DSR = "dsr-service";
    public static final String REGISTRY = "partner-registry-service";

    private Calls() {
    }

    public static <T> T to(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof BackendException backend) {
                throw backend;
            }
            throw BackendException.unreachable(service);
        }
    }
}
