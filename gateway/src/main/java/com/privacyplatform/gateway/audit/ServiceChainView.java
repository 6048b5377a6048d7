package com.privacyplatform.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One service's result in the one-call verification: its chain verified intact ({@code VALID}) or
 * broken ({@code BROKEN}), with the service's own verification answer as it gave it
 * ({@code verification}: platform-commons' AuditVerification - where and what is broken, the head
 * to keep as a checkpoint), or not verified at all ({@code UNAVAILABLE}, {@code detail} says why) -
 * never counted as valid.
 */
public record ServiceChainView(String service, Status status, JsonNode verification, String detail) {

    public enum Status {
        VALID, BROKEN, UNAVAILABLE
    }

    static ServiceChainView unavailable(String service, String detail) {
        return new ServiceChainView(service, Status.UNAVAILABLE, null, detail);
    }

    /** What the service's {@code GET /audit-records/verification} answered with this status and body. */
    static ServiceChainView answered(String service, int httpStatus, JsonNode body) {
        if (httpStatus == 401 || httpStatus == 403) {
            return unavailable(service, "the service refused the verification (HTTP " + httpStatus + ")");
        }
        if (httpStatus != 200) {
            return unavailable(service, "the service answered HTTP " + httpStatus);
        }
        if (body == null || !body.isObject() || !body.path("valid").isBoolean()
                || !body.path("recordsChecked").isIntegralNumber()) {
            return unavailable(service, "the service's answer is not an audit chain verification");
        }
        return new ServiceChainView(service, body.get("valid").asBoolean() ? Status.VALID : Status.BROKEN, body, null);
    }

    ObjectNode toJson(ObjectNode into) {
        into.put("service", service).put("status", status.name());
        if (verification != null) {
            into.set("verification", verification);
        }
        if (detail != null) {
            into.put("detail", detail);
        }
        return into;
    }
}
