package com.privacyplatform.privacycenter.backend;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns a service's error answer into a {@link BackendException} with the problem's words. */
public abstract class BackendFailures implements ResponseExceptionMapper<BackendException> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String service;

    BackendFailures(String service) {
        this.service = service;
    }

    @Override
    public BackendException toThrowable(Response response) {
        BackendException.Problem problem = read(response);
        if (problem == null) {
            return new BackendException(service, response.getStatus(), null, null, null, List.of());
        }
        List<String> fields = problem.errors() == null ? List.of()
                : problem.errors().stream().map(BackendException.FieldError::message).toList();
        return new BackendException(service, response.getStatus(), problem.title(), problem.detail(), problem.clause(),
                fields);
    }

    private static BackendException.Problem read(Response response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json") || !response.hasEntity()) {
            return null;
        }
        try {
            return JSON.readValue(response.readEntity(InputStream.class), BackendException.Problem.class);
        } catch (Exception e) {
            return null; // a body that is no problem document: the status alone decides the message
        }
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    public static final class Consent extends BackendFailures {
        public Consent() {
            super("consent-service");
        }
    }

    public static final class Dsr extends BackendFailures {
        public Dsr() {
            super("dsr-service");
        }
    }

    public static final class Registry extends BackendFailures {
        public Registry() {
            super("partner-registry-service");
        }
    }
}
