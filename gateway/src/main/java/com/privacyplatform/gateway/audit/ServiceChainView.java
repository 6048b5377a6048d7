package com.privacyplatform.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One service's result in the one-call verification: its chain verified intact ({@code VALID}),
 * broken ({@code BROKEN}: {@code firstBrokenSeq} and {@code detail} say where and what), or not
 * verified at all ({@code UNAVAILABLE}: {@code detail} says why) - never counted as valid.
 */
public record ServiceChainView(String service, Status status, Long recordsChecked, Long headSeq, String headHash,
        Long firstBrokenSeq, String detail) {

    public enum Status {
        VALID, BROKEN, UNAVAILABLE
    }

    static ServiceChainView unavailable(String service, String detail) {
        return new ServiceChainView(service, Status.UNAVAILABLE, null, null, null, null, detail);
    }

    /** What the service's {@code GET /audit-records/verification} answered with this status and body. */
    static ServiceChainView answered(String service, int httpStatus, JsonNode body) {
        if (httpStatus == 401 || httpStatus == 403) {
            return unavailable(service, "the service refused the verification (HTTP " + httpStatus + ")");
        }
        if (httpStatus != 200) {
            return unavailable(service, "the service answered HTTP " + httpStatus);
        }
        if (body == null || !body.path("valid").isBoolean() || !body.path("recordsChecked").canConvertToLong()) {
            return unavailable(service, "the service's answer is not an audit chain verification");
        }
        boolean valid = body.get("valid").asBoolean();
        return new ServiceChainView(service, valid ? Status.VALID : Status.BROKEN, body.get("recordsChecked").asLong(),
                longOrNull(body.path("headSeq")), textOrNull(body.path("headHash")),
                valid ? null : longOrNull(body.path("firstBrokenSeq")), valid ? null : textOrNull(body.path("problem")));
    }

    ObjectNode toJson(ObjectNode into) {
        into.put("service", service).put("status", status.name());
        if (recordsChecked != null) {
            into.put("recordsChecked", recordsChecked);
        }
        if (headSeq != null) {
            into.put("headSeq", headSeq);
        }
        if (headHash != null) {
            into.put("headHash", headHash);
        }
        if (firstBrokenSeq != null) {
            into.put("firstBrokenSeq", firstBrokenSeq);
        }
        if (detail != null) {
            into.put("detail", detail);
        }
        return into;
    }

    private static Long longOrNull(JsonNode node) {
        return node.isIntegralNumber() ? node.asLong() : null;
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
