package com.privacyplatform.breach.support;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Reads an incident's duties and timeline as a compliance officer sees them. */
public final class Incidents {

    private Incidents() {
    }

    public static List<Map<String, Object>> duties(String incidentId) {
        return As.officer().get("/incidents/" + incidentId + "/duties").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    public static Map<String, Object> duty(String incidentId, String ruleId) {
        return duties(incidentId).stream().filter(d -> ruleId.equals(d.get("ruleId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no duty " + ruleId + " on " + incidentId));
    }

    public static JsonPath timeline(String incidentId) {
        return As.officer().get("/incidents/" + incidentId + "/timeline?limit=500").then().statusCode(200).extract()
                .jsonPath();
    }

    public static List<String> timelineKinds(String incidentId) {
        return timeline(incidentId).getList("items.kind");
    }

    /** Waives every pending duty, so that the officer may close the incident. */
    public static void waivePending(String incidentId) {
        duties(incidentId).stream().filter(d -> "PENDING".equals(d.get("state"))).forEach(d -> As.officer()
                .body(Map.of("reason", "not required: test"))
                .post("/incidents/" + incidentId + "/duties/" + d.get("id") + "/waiver").then().statusCode(200));
    }

    public static String close(String incidentId) {
        waivePending(incidentId);
        return As.officer().body(Map.of("remediationSummary", "fixed")).post("/incidents/" + incidentId + "/closure")
                .then().statusCode(200).extract().path("state");
    }
}
