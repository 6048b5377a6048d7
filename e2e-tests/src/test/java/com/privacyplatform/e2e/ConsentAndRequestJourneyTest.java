package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.PARTNER_B;
import static com.privacyplatform.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.sdk.api.ConsentCheckApi;
import com.privacyplatform.sdk.api.ConsentsApi;
import com.privacyplatform.sdk.api.TasksApi;
import com.privacyplatform.sdk.invoker.ApiException;
import com.privacyplatform.sdk.model.CheckDecision;
import com.privacyplatform.sdk.model.ConsentCheckRequest;
import com.privacyplatform.sdk.model.DeletionStatement;
import com.privacyplatform.sdk.model.NoticeRequest;
import com.privacyplatform.sdk.model.PurposeDecision;
import com.privacyplatform.sdk.model.RecordConsentRequest;
import com.privacyplatform.sdk.model.Task;
import com.privacyplatform.sdk.model.TaskCompletion;
import com.privacyplatform.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consents and data-subject requests end to end: partners record through the gateway, the
 * check follows the registry's lifecycle events, a subject revokes and files a deletion request
 * that reaches both partners and completes. Partners (and the officer's checks) call through the
 * generated partner SDK, as a partner's system would; subjects through plain HTTP.
 */
class ConsentAndRequestJourneyTest {

    /** alice's pseudonymous subject id: her token's sub in the demo realm. */
    static final String ALICE = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c";
    private static final String NOTICE_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @BeforeAll
    static void twoActivePartners() {
        Platform.ensureActive("partner-demo-a", PARTNER_A, "CN");
        Platform.ensureActive("partner-demo-b", PARTNER_B, "SG");
    }

    @Test
    void theCheckFollowsSuspensionAndReinstatementWhileTheGatewayBlocksThePartner() {
        String subject = "e2e-" + UUID.randomUUID();
        String a = Platform.partnerA();
        String officer = Platform.officer();
        record(a, subject, "payment_processing", "user.name");
        awaitDecision(officer, PARTNER_A, subject, "payment_processing", "user.name", "ALLOW");

        as(officer).body("{\"reason\":\"end-to-end: suspension\"}").post("/api/partners/" + PARTNER_A + "/suspension")
                .then().statusCode(200);
        try {
            awaitDecision(officer, PARTNER_A, subject, "payment_processing", "user.name", "DENY");
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    as(a).get(Platform.DATA_ROUTE).statusCode() == 403);
        } finally {
            as(officer).body("{\"reason\":\"end-to-end: reinstated\"}")
                    .post("/api/partners/" + PARTNER_A + "/reinstatement").then().statusCode(200);
        }
        awaitDecision(officer, PARTNER_A, subject, "payment_processing", "user.name", "ALLOW");
        await().atMost(Duration.ofSeconds(15)).until(() -> as(a).get(Platform.DATA_ROUTE).statusCode() == 200);
    }

    @Test
    @Verifies({"1.2", "3.5.a"})
    void aSubjectSeesConsentsAcrossPartnersRevokesOneAndThatPartnersCheckDenies() throws ApiException {
        String consentAtA = record(Platform.partnerA(), ALICE, "marketing.communications", "user.contact.email");
        record(Platform.partnerB(), ALICE, "marketing.communications", "user.contact.email");
        String alice = Tokens.user("alice");
        List<String> partners = as(alice).queryParam("limit", 500).get("/api/consents").then().statusCode(200)
                .extract().jsonPath().getList("items.partnerId");
        assertThat(partners).contains(PARTNER_A, PARTNER_B);
        as(Tokens.user("bob")).get("/api/consents/" + consentAtA).then().statusCode(404);

        as(alice).body("{\"reason\":\"no more newsletters\"}").post("/api/consents/" + consentAtA + "/revocation")
                .then().statusCode(200);
        ConsentCheckRequest check = new ConsentCheckRequest().subjectId(ALICE).purpose("marketing.communications")
                .category("user.contact.email");
        assertThat(new ConsentCheckApi(Platform.sdk(Platform.partnerA())).apiConsentsCheckPost(check).getDecision())
                .isEqualTo(CheckDecision.DENY);

        // issue 14.1: a new GRANTED decision dated a day before the revocation cannot undo it
        ApiException backdated = catchThrowableOfType(ApiException.class, () ->
                new ConsentsApi(Platform.sdk(Platform.partnerA())).apiConsentsPost(new RecordConsentRequest()
                        .subjectId(ALICE).jurisdiction("CN").language("zh-CN")
                        .channel(com.privacyplatform.sdk.model.Channel.WEB)
                        .collectedAt(Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                                .atOffset(ZoneOffset.UTC))
                        .notice(new NoticeRequest().version("2026-11").textHash(NOTICE_HASH))
                        .legalBasis("EXPRESS_CONSENT").method("CHECKBOX")
                        .purposes(List.of(new PurposeDecision().purpose("marketing.communications")
                                .categories(List.of("user.contact.email")).granted(true))), null));
        assertThat(backdated.getCode()).isEqualTo(409);
        assertThat(backdated.getResponseBody()).contains("decision-predates-revocation", "\"clause\":\"3.5.a\"");
        assertThat(new ConsentCheckApi(Platform.sdk(Platform.partnerA())).apiConsentsCheckPost(check).getReason()
                .getValue()).isEqualTo("CONSENT_REVOKED");
    }

    @Test
    @Verifies({"3.5.a", "3.5.c"})
    void aDeletionRequestReachesBothPartnersAndCompletesWhenBothHaveDeleted() throws ApiException {
        String subject = ALICE;
        record(Platform.partnerA(), subject, "payment_processing", "user.name");
        record(Platform.partnerB(), subject, "payment_processing", "user.name");
        String alice = Tokens.user("alice");
        String body = "{\"type\":\"DELETION\",\"jurisdiction\":\"DE\",\"partnerIds\":[\"" + PARTNER_A + "\",\""
                + PARTNER_B + "\"]}";
        // dsr-service learns who holds alice's data from consent events: until it knows both
        // partners the request is refused (422, nothing stored), so retry until it is accepted
        String requestId = await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = as(alice).body(body).post("/api/requests");
            return response.statusCode() == 201 ? response.jsonPath().getString("id") : null;
        }, id -> id != null);
        // "jurisdiction":"DE" is still accepted but sets nothing: the consents were collected under CN law
        as(alice).get("/api/requests/" + requestId).then().statusCode(200)
                .body("partnerIds", org.hamcrest.Matchers.hasItems(PARTNER_A, PARTNER_B))
                .body("policy.id", org.hamcrest.Matchers.equalTo("PIPL"))
                .body("jurisdiction", org.hamcrest.Matchers.equalTo("CN"));

        for (String partner : new String[] {Platform.partnerA(), Platform.partnerB()}) {
            TasksApi tasks = new TasksApi(Platform.sdk(partner));
            UUID task = await().atMost(Duration.ofSeconds(20)).until(() -> taskFor(tasks, requestId),
                    id -> id != null);
            tasks.apiTasksIdCompletionPost(task, new TaskCompletion().deletion(new DeletionStatement()
                    .whatWasDeleted("customer profile and payment records").systems(List.of("crm", "billing"))
                    .deletedAt(Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
                            .atOffset(ZoneOffset.UTC))
                    .deletedBy("data protection desk")), null);
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "COMPLETED".equals(as(alice).get("/api/requests/" + requestId).then().extract().path("status")));
        as(Tokens.user("bob")).get("/api/requests/" + requestId).then().statusCode(404);
    }

    private static UUID taskFor(TasksApi tasks, String requestId) throws ApiException {
        return tasks.apiTasksGet(null, 500, null, requestId, null, null).getItems().stream()
                .filter(t -> requestId.equals(String.valueOf(t.getRequestId()))).map(Task::getId).findFirst()
                .orElse(null);
    }

    /** A partner records one granted purpose through the SDK; returns the consent id. */
    private static String record(String partnerToken, String subject, String purpose, String category) {
        ConsentsApi consents = new ConsentsApi(Platform.sdk(partnerToken));
        // the consent service learns the partner's activation and scope from registry events:
        // until then it refuses the partner (4xx), so retry until it records; each attempt is a
        // collection of its own moment (never dated before a revocation an earlier test made)
        return await().atMost(Duration.ofSeconds(20)).ignoreException(ApiException.class).until(() ->
                consents.apiConsentsPost(new RecordConsentRequest().subjectId(subject).jurisdiction("CN")
                        .language("zh-CN").channel(com.privacyplatform.sdk.model.Channel.WEB)
                        .collectedAt(Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))
                        .notice(new NoticeRequest().version("2026-11").textHash(NOTICE_HASH))
                        .legalBasis("EXPRESS_CONSENT").method("CHECKBOX")
                        .purposes(List.of(new PurposeDecision().purpose(purpose).categories(List.of(category))
                                .granted(true))), null).getItems().get(0).getConsent().getId().toString(),
                id -> id != null);
    }

    private static void awaitDecision(String officer, String partnerId, String subject, String purpose,
            String category, String decision) {
        ConsentCheckApi checks = new ConsentCheckApi(Platform.sdk(officer));
        ConsentCheckRequest check = new ConsentCheckRequest().partnerId(UUID.fromString(partnerId)).subjectId(subject)
                .purpose(purpose).category(category);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                decision.equals(checks.apiConsentsCheckPost(check).getDecision().getValue()));
    }
}
