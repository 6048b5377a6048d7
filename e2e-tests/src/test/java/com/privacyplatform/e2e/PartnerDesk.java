package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.as;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** What a partner's systems do through the gateway's API: record consents, work request tasks. */
final class PartnerDesk {

    private static final String NOTICE_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private PartnerDesk() {
    }

    /** Records one granted purpose for the subject; answers the consent id. */
    static String recordConsent(String partnerToken, String subject, String purpose, String category,
            String noticeVersion, String recipient) {
        String recipients = recipient == null ? "[]"
                : "[{\"name\":\"" + recipient + "\",\"country\":\"SG\",\"kind\":\"ORGANIZATION\"}]";
        // consent-service learns the partner's activation and scope from the registry's events; each
        // attempt is a collection of its own moment, so one collected before a revocation an earlier
        // test made a moment ago (409, decision-predates-revocation) is followed by a later one
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            String body = "{\"subjectId\":\"" + subject + "\",\"jurisdiction\":\"CN\",\"language\":\"zh-CN\","
                    + "\"channel\":\"WEB\",\"collectedAt\":\"" + Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS)
                    + "\",\"expiresAt\":\"" + Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                    + "\",\"notice\":{\"version\":\"" + noticeVersion + "\",\"textHash\":\"" + NOTICE_HASH + "\"},"
                    + "\"legalBasis\":\"EXPRESS_CONSENT\",\"method\":\"CHECKBOX\",\"recipients\":" + recipients
                    + ",\"purposes\":[{\"purpose\":\"" + purpose + "\",\"categories\":[\"" + category
                    + "\"],\"granted\":true}]}";
            var response = as(partnerToken).body(body).post("/api/consents");
            return response.statusCode() == 201 ? response.jsonPath().getString("items[0].consent.id") : null;
        }, id -> id != null);
    }

    static String check(String partnerToken, String subject, String purpose, String category) {
        return as(partnerToken).body("{\"subjectId\":\"" + subject + "\",\"purpose\":\"" + purpose
                        + "\",\"category\":\"" + category + "\"}")
                .post("/api/consents/check").then().statusCode(200).extract().path("decision");
    }

    /** The partner's open tasks of one request, once dsr-service has created them. */
    static List<Map<String, Object>> tasks(String partnerToken, String requestId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath page = as(partnerToken).queryParam("requestId", requestId).queryParam("limit", 500)
                    .get("/api/tasks").then().statusCode(200).extract().jsonPath();
            return page.<Map<String, Object>>getList("items");
        }, list -> !list.isEmpty());
    }

    /** Completes every task of the request with the evidence its kind needs. */
    static void deleteEverything(String partnerToken, String requestId) {
        String at = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        for (Map<String, Object> task : tasks(partnerToken, requestId)) {
            String body = "RECIPIENT".equals(task.get("kind"))
                    ? "{\"notice\":{\"disclosureStoppedAt\":\"" + at + "\",\"recipientNotifiedAt\":\"" + at
                            + "\",\"notifiedBy\":\"data protection desk\",\"reference\":\"DEL-42\"}}"
                    : "{\"deletion\":{\"whatWasDeleted\":\"customer profile and payment records\","
                            + "\"systems\":[\"crm\",\"billing\"],\"deletedAt\":\"" + at
                            + "\",\"deletedBy\":\"data protection desk\"}}";
            as(partnerToken).body(body).post("/api/tasks/" + task.get("id") + "/completion").then().statusCode(200);
        }
    }

    static void deliverExport(String partnerToken, String requestId, String json) {
        for (Map<String, Object> task : tasks(partnerToken, requestId)) {
            as(partnerToken).body("{\"export\":" + json + "}").post("/api/tasks/" + task.get("id") + "/completion")
                    .then().statusCode(200);
        }
    }
}
