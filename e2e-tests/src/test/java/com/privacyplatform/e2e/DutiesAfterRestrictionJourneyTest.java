package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.sdk.AccessTokens;
import com.privacyplatform.sdk.PlatformApi;
import com.privacyplatform.sdk.api.ConsentCheckApi;
import com.privacyplatform.sdk.api.ConsentsApi;
import com.privacyplatform.sdk.api.IncidentsApi;
import com.privacyplatform.sdk.api.PartnersApi;
import com.privacyplatform.sdk.api.TasksApi;
import com.privacyplatform.sdk.invoker.ApiClient;
import com.privacyplatform.sdk.invoker.ApiException;
import com.privacyplatform.sdk.model.ConsentCheckRequest;
import com.privacyplatform.sdk.model.DeletionStatement;
import com.privacyplatform.sdk.model.Incident;
import com.privacyplatform.sdk.model.IncidentKind;
import com.privacyplatform.sdk.model.IncidentUpdateRequest;
import com.privacyplatform.sdk.model.NoticeRequest;
import com.privacyplatform.sdk.model.Partner;
import com.privacyplatform.sdk.model.PurposeDecision;
import com.privacyplatform.sdk.model.RecordConsentRequest;
import com.privacyplatform.sdk.model.ReportIncidentRequest;
import com.privacyplatform.sdk.model.Task;
import com.privacyplatform.sdk.model.TaskCompletion;
import com.privacyplatform.testing.Tokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.2 (3.4.j, 3.5.d, 5.1): duties go on after termination and closure. Each journey uses a
 * throwaway partner - a client made for the test through Keycloak's admin API, onboarded and
 * activated by the officer - since TERMINATED is final. The partner works through the gateway with
 * the partner SDK, as its systems would; its data routes stay closed throughout.
 */
class DutiesAfterRestrictionJourneyTest {

    private static final String NOTICE_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final URI REALM = URI.create(Tokens.ISSUER);

    @Test
    @Verifies({"3.5.d", "3.4.j"})
    void aTerminatedPartnerCompletesTheDeletionsOfItsTerminationThroughTheGatewayAndIsThenShutOut() throws Exception {
        try (KeycloakFixture keycloak = new KeycloakFixture()) {
            Throwaway throwaway = Throwaway.activated(keycloak, "e2e-terminated-");
            String partnerId = throwaway.partnerId();
            AccessTokens partner = throwaway.tokens();
            ApiClient sdk = throwaway.sdk();
            String officer = Platform.officer();

            // two subjects whose consents it holds; each subject's access request is accepted only
            // once dsr-service knows who holds their data, so it also tells when dsr-service knows
            KeycloakFixture.SubjectUser first = keycloak.subjectUser();
            KeycloakFixture.SubjectUser second = keycloak.subjectUser();
            for (KeycloakFixture.SubjectUser subject : List.of(first, second)) {
                record(sdk, subject.id(), "payment_processing", "user.name");
                String access = awaitAccessRequest(subject, partnerId);
                TasksApi tasks = new TasksApi(sdk);
                UUID task = await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(tasks, access), id -> id != null);
                tasks.apiTasksIdCompletionPost(task, new TaskCompletion().export(new ObjectMapper()
                        .readTree("{\"name\":\"Throwaway Subject\"}")), null);
            }

            as(officer).body("{\"reason\":\"end-to-end: cooperation ended\"}")
                    .post("/api/partners/" + partnerId + "/termination").then().statusCode(200)
                    .body("status", equalTo("TERMINATED"));

            // its data routes close at once; its deletion tasks reach it
            ConsentCheckRequest check = new ConsentCheckRequest().subjectId(first.id()).purpose("payment_processing")
                    .category("user.name");
            await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(() -> new ConsentCheckApi(sdk)
                    .apiConsentsCheckPost(check)) == 403);
            assertDataRoutesClosed(sdk, check, "partner-terminated");
            TasksApi tasks = new TasksApi(sdk);
            List<Task> deletions = await().atMost(Duration.ofSeconds(30)).until(() -> tasks
                    .apiTasksGet(null, 500, null, null, "OPEN", "DELETION").getItems(), list -> list.size() == 2);
            Partner own = new PartnersApi(sdk).apiPartnersIdGet(UUID.fromString(partnerId));
            assertThat(own.getStatus().getValue()).isEqualTo("TERMINATED");
            assertThat(own.getTerminationDeletionCompletedAt()).isNull();

            for (Task task : deletions) {
                tasks.apiTasksIdClaimPost(task.getId(), null);
                tasks.apiTasksIdCompletionPost(task.getId(), new TaskCompletion().deletion(new DeletionStatement()
                        .whatWasDeleted("customer profile and payment records").systems(List.of("crm", "billing"))
                        .deletedAt(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS))
                        .deletedBy("data protection desk")), null);
                assertDataRoutesClosed(sdk, check, "partner-terminated");
            }

            // the termination's deletion work shows complete; then the partner is shut out entirely
            await().atMost(Duration.ofSeconds(30)).until(() -> as(officer).get("/api/partners/" + partnerId)
                    .then().statusCode(200).extract().path("terminationDeletionCompletedAt") != null);
            as(officer).queryParam("origin", "TERMINATION").queryParam("subjectId", first.id()).get("/api/requests")
                    .then().statusCode(200).body("items[0].status", equalTo("COMPLETED"));
            await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(() -> new PartnersApi(sdk)
                    .apiPartnersIdGet(UUID.fromString(partnerId))) == 403);
            as(partner.get()).get("/api/tasks").then().statusCode(403)
                    .body("type", equalTo("https://privacy-platform.example/problems/partner-terminated"))
                    .body("clause", equalTo("3.5.d"));
            assertDataRoutesClosed(sdk, check, "partner-terminated");
        }
    }

    @Test
    @Verifies({"5.1", "3.4.j"})
    void underATemporaryClosureThePartnerStillUpdatesItsIncidentWhileItsDataRoutesAreRefused() throws Exception {
        try (KeycloakFixture keycloak = new KeycloakFixture()) {
            Throwaway throwaway = Throwaway.activated(keycloak, "e2e-closed-");
            String partnerId = throwaway.partnerId();
            ApiClient sdk = throwaway.sdk();
            String officer = Platform.officer();
            IncidentsApi incidents = new IncidentsApi(sdk);
            Incident reported = incidents.apiIncidentsPost(new ReportIncidentRequest().kind(IncidentKind.SUSPECTED_BREACH)
                    .discoveredAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS))
                    .description("a support export was mailed to the wrong address")
                    .categories(List.of("user.name")).affectedSubjects(30L).sensitiveDataInvolved(false)
                    .dataEncrypted(false).containmentMeasures("mail recalled").jurisdictions(List.of("CN")), null);

            String order = as(officer).body("{\"partnerId\":\"" + partnerId + "\",\"incidentId\":\"" + reported.getId()
                            + "\",\"kind\":\"TEMPORARY_CLOSURE\",\"reason\":\"leak under investigation\"}")
                    .post("/api/emergency-orders").then().statusCode(201).extract().path("id");
            ConsentCheckRequest check = new ConsentCheckRequest().subjectId("e2e-" + UUID.randomUUID())
                    .purpose("payment_processing").category("user.name");
            try {
                await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(() -> new ConsentCheckApi(sdk)
                        .apiConsentsCheckPost(check)) == 403);
                assertDataRoutesClosed(sdk, check, "interface-closed");

                Incident updated = incidents.apiIncidentsIdUpdatesPost(reported.getId(), new IncidentUpdateRequest()
                        .note("Recipient confirmed deletion of the mail").affectedSubjects(31L), null);
                assertThat(updated.getAffectedSubjects()).isEqualTo(31L);
                assertThat(incidents.apiIncidentsIdGet(reported.getId()).getAffectedSubjects()).isEqualTo(31L);
                as(officer).get("/api/incidents/" + reported.getId()).then().statusCode(200)
                        .body("affectedSubjects", equalTo(31)).body("updates", equalTo(1));
                assertDataRoutesClosed(sdk, check, "interface-closed");
            } finally {
                as(officer).body("{\"reason\":\"investigation closed\"}")
                        .post("/api/emergency-orders/" + order + "/lifting").then().statusCode(200);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(() -> new ConsentCheckApi(sdk)
                    .apiConsentsCheckPost(check)) == 200);
        }
    }

    /**
     * A partner made for one test (TERMINATED is final): a client created through Keycloak's admin
     * API, onboarded, given a scope and activated by the officer; it calls with the SDK.
     */
    private record Throwaway(String partnerId, AccessTokens tokens, ApiClient sdk) {

        static Throwaway activated(KeycloakFixture keycloak, String prefix) throws Exception {
            String clientId = prefix + UUID.randomUUID();
            String partnerId = ReadmeWalkthrough.partnerId(clientId);
            KeycloakFixture.PartnerClient client = keycloak.partnerClient(clientId, partnerId);
            Platform.ensureActive(clientId, partnerId, "CN");
            AccessTokens tokens = AccessTokens.clientCredentials(REALM, client.clientId(), client.secret());
            return new Throwaway(partnerId, tokens, PlatformApi.client(URI.create(Platform.GATEWAY), tokens));
        }
    }

    /** The partner's consent check and consent recording are refused with {@code slug}, nothing recorded. */
    private static void assertDataRoutesClosed(ApiClient sdk, ConsentCheckRequest check, String slug) {
        assertThatThrownBy(() -> new ConsentCheckApi(sdk).apiConsentsCheckPost(check))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getResponseBody()).contains("/problems/" + slug);
                });
        assertThatThrownBy(() -> new ConsentsApi(sdk).apiConsentsPost(consent(check.getSubjectId(),
                "payment_processing", "user.name"), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }

    private static void record(ApiClient sdk, String subject, String purpose, String category) {
        ConsentsApi consents = new ConsentsApi(sdk);
        // consent-service learns the activation and scope from the registry's events: retry until then
        await().atMost(Duration.ofSeconds(30)).ignoreException(ApiException.class)
                .until(() -> consents.apiConsentsPost(consent(subject, purpose, category), null), r -> r != null);
    }

    private static RecordConsentRequest consent(String subject, String purpose, String category) {
        return new RecordConsentRequest().subjectId(subject).jurisdiction("CN").language("zh-CN")
                .channel(com.privacyplatform.sdk.model.Channel.WEB)
                .collectedAt(Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))
                .notice(new NoticeRequest().version("2026-11").textHash(NOTICE_HASH))
                .legalBasis("EXPRESS_CONSENT").method("CHECKBOX")
                .purposes(List.of(new PurposeDecision().purpose(purpose).categories(List.of(category)).granted(true)));
    }

    /** The subject asks the partner for access; accepted (201) once dsr-service knows the partner holds their data. */
    private static String awaitAccessRequest(KeycloakFixture.SubjectUser subject, String partnerId) {
        String token = given().formParam("grant_type", "password").formParam("client_id", "privacy-cli")
                .formParam("username", subject.username()).formParam("password", subject.password())
                .post(Tokens.TOKEN_URL).then().statusCode(200).extract().path("access_token");
        String body = "{\"type\":\"ACCESS\",\"partnerIds\":[\"" + partnerId + "\"]}";
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = Platform.as(token).body(body).post("/api/requests");
            return response.statusCode() == 201 ? response.jsonPath().getString("id") : null;
        }, id -> id != null);
    }

    private static UUID taskOf(TasksApi tasks, String requestId) throws ApiException {
        return tasks.apiTasksGet(null, 500, null, requestId, null, null).getItems().stream()
                .filter(t -> requestId.equals(String.valueOf(t.getRequestId()))).map(Task::getId).findFirst()
                .orElse(null);
    }

    private interface Call {
        Object run() throws ApiException;
    }

    private static int statusOf(Call call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        }
    }
}
