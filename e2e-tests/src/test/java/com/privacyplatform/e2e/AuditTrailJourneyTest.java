package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.anonymous;
import static com.privacyplatform.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.sdk.api.AuditTrailApi;
import com.privacyplatform.sdk.api.IncidentsApi;
import com.privacyplatform.sdk.invoker.ApiException;
import com.privacyplatform.sdk.model.AuditChainsStatus;
import com.privacyplatform.sdk.model.AuditChainsVerification;
import com.privacyplatform.sdk.model.AuditRecordView;
import com.privacyplatform.sdk.model.AuditVerification;
import com.privacyplatform.sdk.model.AuditedService;
import com.privacyplatform.sdk.model.IncidentKind;
import com.privacyplatform.sdk.model.ReportIncidentRequest;
import com.privacyplatform.sdk.model.ServiceAuditChain;
import com.privacyplatform.sdk.model.ServiceAuditChainStatus;
import com.privacyplatform.testing.Tokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 4.1 and 1.8 end to end: an auditor reads every service's audit trail through the gateway
 * ({@code /api/audit/{service}/...}, through the SDK) and verifies every chain with one call;
 * partners and data subjects are refused at the gateway.
 */
class AuditTrailJourneyTest {

    /** The audited target of a change made in each service before the tests: type and id. */
    private static final Map<AuditedService, String[]> CHANGED = new EnumMap<>(AuditedService.class);

    @BeforeAll
    static void somethingIsRecordedInEveryService() throws ApiException {
        Platform.ensureActive("partner-demo-a", PARTNER_A, "CN"); // registry: onboarded and activated
        String a = Platform.partnerA();
        CHANGED.put(AuditedService.REGISTRY, new String[] {"partner", PARTNER_A});
        String consent = PartnerDesk.recordConsent(a, UUID.randomUUID().toString(), "payment_processing",
                "user.name", "2026-11", null);
        CHANGED.put(AuditedService.CONSENT, new String[] {"consent", consent});
        String basis = as(a).body("{\"subjectId\":\"" + UUID.randomUUID() + "\",\"legalBasis\":"
                        + "\"LEGAL_OBLIGATION\",\"explanation\":\"tax records kept for ten years\",\"law\":"
                        + "\"Tax code s. 147\",\"retentionPeriod\":\"P10Y\"}")
                .post("/api/partners/" + PARTNER_A + "/retention-bases").then().statusCode(201).extract().path("id");
        CHANGED.put(AuditedService.DSR, new String[] {"retention-basis", basis});
        String incident = new IncidentsApi(Platform.sdk(a)).apiIncidentsPost(new ReportIncidentRequest()
                .kind(IncidentKind.SUSPECTED_BREACH)
                .discoveredAt(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS))
                .description("audit trail end-to-end: a misdirected report e-mail").categories(List.of("user.name"))
                .affectedSubjects(1L).sensitiveDataInvolved(false).dataEncrypted(true)
                .containmentMeasures("recipient confirmed deletion").jurisdictions(List.of("CN")), null).getId()
                .toString();
        CHANGED.put(AuditedService.BREACH, new String[] {"incident", incident});
    }

    @Test
    @Verifies({"4.1", "1.8"})
    void anAuditorReadsEveryServicesTrailThroughTheGateway() throws ApiException {
        AuditTrailApi audit = new AuditTrailApi(Platform.sdk(Tokens.user("aaron")));
        assertThat(CHANGED).containsOnlyKeys(AuditedService.values());
        for (Map.Entry<AuditedService, String[]> changed : CHANGED.entrySet()) {
            String type = changed.getValue()[0];
            String id = changed.getValue()[1];
            List<AuditRecordView> records = audit.apiAuditServiceAuditRecordsGet(changed.getKey(), null, 50, id, type)
                    .getItems();
            assertThat(records).as("%s's trail of %s %s", changed.getKey(), type, id).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getTargetId()).isEqualTo(id))
                    .allSatisfy(r -> assertThat(r.getHash()).isNotBlank());
            AuditVerification chain = audit.apiAuditServiceAuditRecordsVerificationGet(changed.getKey());
            assertThat(chain.getValid()).as("%s's chain", changed.getKey()).isTrue();
            assertThat(chain.getRecordsChecked()).isPositive();
        }
        // each service keeps its own trail: the consent's record is not in the registry's
        String consent = CHANGED.get(AuditedService.CONSENT)[1];
        assertThat(audit.apiAuditServiceAuditRecordsGet(AuditedService.REGISTRY, null, 50, consent, "consent")
                .getItems()).isEmpty();
        // the same over plain HTTP, with a compliance officer's token
        as(Platform.officer()).queryParam("targetType", "incident")
                .queryParam("targetId", CHANGED.get(AuditedService.BREACH)[1])
                .get("/api/audit/breach/audit-records").then().statusCode(200)
                .body("items.targetId", everyItem(equalTo(CHANGED.get(AuditedService.BREACH)[1])));
    }

    @Test
    @Verifies({"4.1", "1.8"})
    void anAuditorVerifiesEveryChainWithOneCall() throws ApiException {
        AuditChainsVerification all = new AuditTrailApi(Platform.sdk(Tokens.user("aaron"))).apiAuditVerificationGet();
        assertThat(all.getServices()).extracting(ServiceAuditChain::getService)
                .containsExactly(AuditedService.BREACH, AuditedService.CONSENT, AuditedService.DSR,
                        AuditedService.REGISTRY);
        assertThat(all.getServices()).allSatisfy(service -> {
            assertThat(service.getStatus()).as("%s: %s", service.getService(), service.getDetail())
                    .isEqualTo(ServiceAuditChainStatus.VALID);
            assertThat(service.getVerification().getValid()).isTrue();
            assertThat(service.getVerification().getRecordsChecked()).isPositive();
            assertThat(service.getVerification().getHeadHash()).isNotBlank();
        });
        assertThat(all.getStatus()).isEqualTo(AuditChainsStatus.VALID);
        // a compliance officer may run it too
        as(Platform.officer()).get("/api/audit/verification").then().statusCode(200)
                .body("status", equalTo("VALID"));
    }

    @Test
    @Verifies("3.4.f")
    void partnersAndDataSubjectsAreRefusedAndAnonymousCallersUnauthenticated() {
        AuditTrailApi asPartner = new AuditTrailApi(Platform.sdk(Platform.partnerA()));
        assertThatThrownBy(asPartner::apiAuditVerificationGet)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        assertThatThrownBy(() -> asPartner.apiAuditServiceAuditRecordsGet(AuditedService.CONSENT, null, null, null,
                null)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        for (String token : List.of(Platform.partnerA(), Tokens.user("alice"))) {
            for (String path : List.of("/api/audit/consent/audit-records", "/api/audit/dsr/audit-records/verification",
                    "/api/audit/verification")) {
                as(token).get(path).then().statusCode(403).contentType("application/problem+json")
                        .body("type", equalTo("https://privacy-platform.example/problems/forbidden"));
            }
        }
        anonymous().get("/api/audit/verification").then().statusCode(401).contentType("application/problem+json");
        anonymous().get("/api/audit/registry/audit-records").then().statusCode(401);
    }
}
