package com.privacyplatform.dsr.attestation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.security.Key;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof of erasure (3.5.c): a completed deletion task yields a signed attestation of the partner's
 * declaration; anyone verifies it offline with the published keys alone; who may read it (3.4.f).
 */
@QuarkusTest
class DeletionAttestationTest {

    static final String OWNER = "5b000000-0000-4000-8000-0000000009a1";
    static final String NEIGHBOUR = "5b000000-0000-4000-8000-0000000009a2";
    static final String PARTNER = "d5a00000-0000-4000-8000-0000000006a1";
    static final String OTHER_PARTNER = "d5a00000-0000-4000-8000-0000000006b2";
    private static UUID deletion;
    private static UUID partnerTask;
    private static UUID basis;
    private static UUID access;

    @BeforeAll
    static void seed() {
        UUID partner = UUID.fromString(PARTNER);
        Fixtures.holding(partner, OWNER, "ACTIVE", "order_fulfilment", List.of("user.name", "user.contact.email",
                "user.financial.bank_account"), Fixtures.recipients("Parcel Co", "DE"));
        Fixtures.holding(UUID.fromString(OTHER_PARTNER), OWNER, "user.name");
        deletion = Flows.subjectSubmits(OWNER, RequestType.DELETION, List.of(partner), null);
        partnerTask = Fixtures.taskOf(deletion, partner, "PARTNER");
        // as a termination's fan-out leaves it: an approved legal obligation kept the bank account
        basis = Fixtures.legalObligation(partner, OWNER, "user.financial.bank_account", "APPROVED");
        TestDb.execute("UPDATE dsr_task SET categories = ARRAY['user.contact.email','user.name'],"
                + " retained_categories = ARRAY['user.financial.bank_account'], retention_basis_ids = ARRAY['"
                + basis + "'] WHERE id = '" + partnerTask + "'");
        Flows.partnerDeletes(partnerTask);
        Flows.partnerNotifies(Fixtures.taskOf(deletion, partner, "RECIPIENT"));
        access = Flows.subjectSubmits(OWNER, RequestType.ACCESS, List.of(partner), null);
        Flows.partnerExports(Fixtures.taskOf(access, partner, "PARTNER"), "{\"name\":\"x\"}");
    }

    static JWKSet publishedKeys() throws Exception {
        String json = given().get("/deletion-attestations/jwks.json").then().statusCode(200)
                .header("Cache-Control", containsString("public")).extract().asString();
        JWKSet set = JWKSet.parse(json);
        assertThat(set.getKeys()).isNotEmpty().allMatch(k -> !k.isPrivate());
        return set;
    }

    /** Verification as an outsider does it: the JWS and the JWK set, nothing of the platform's code. */
    static boolean verifies(String jws, JWKSet keys) throws Exception {
        JWSObject object = JWSObject.parse(jws);
        JWK jwk = keys.getKeyByKeyId(object.getHeader().getKeyID());
        if (jwk == null) {
            return false;
        }
        Key key = jwk instanceof ECKey ec ? ec.toECPublicKey() : jwk.toRSAKey().toRSAPublicKey();
        JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(object.getHeader(), key);
        return object.verify(verifier);
    }

    private static List<Map<String, Object>> listed(UUID request) {
        return given().get("/requests/" + request + "/attestations").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    @Test
    @TestSecurity(user = OWNER, roles = "data-subject")
    @Verifies(value = "3.5.c", exercises = {"AttestationIssuer#issueIfDeletion", "RequestAttestationsResource#list",
            "AttestationResource#get"})
    void theSubjectDownloadsAnAttestationThatVerifiesOfflineWithThePublishedKeysAlone() throws Exception {
        List<Map<String, Object>> list = listed(deletion);
        assertThat(list).hasSize(2);
        Map<String, Object> mine = list.stream().filter(a -> partnerTask.toString().equals(a.get("taskId")))
                .findFirst().orElseThrow();
        String jws = given().get("/deletion-attestations/" + mine.get("id")).then().statusCode(200)
                .contentType("application/jose").header("Content-Disposition", containsString(".jws"))
                .extract().asString();
        assertThat(jws).isEqualTo(mine.get("attestation"));
        assertThat(verifies(jws, publishedKeys())).isTrue();
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'deletion-attestation.issued'"
                + " AND target_id = ?", mine.get("id"))).isEqualTo(1);

        SignedJWT jwt = SignedJWT.parse(jws);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("deletion-attestation+jwt");
        Map<String, Object> c = jwt.getJWTClaimsSet().getClaims();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(OWNER);
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://privacy-platform.example/dsr-service");
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isEqualTo(mine.get("id"));
        assertThat((String) c.get("scope")).contains("declared").contains("does not attest the deletion itself");
        assertThat(c.get("attests")).isEqualTo("PARTNER_DECLARATION_AND_PLATFORM_RECORD");
        assertThat(c.get("categoriesDeleted")).isEqualTo(List.of("user.contact.email", "user.name"));
        assertThat(c.get("categoriesRetained")).isEqualTo(List.of("user.financial.bank_account"));
        assertThat(((Map<?, ?>) c.get("declarant")).get("partnerId")).isEqualTo(PARTNER);
        Map<?, ?> declaration = (Map<?, ?>) c.get("declaration");
        assertThat(declaration.get("type")).isEqualTo("DELETED");
        assertThat(declaration.get("systems")).isEqualTo(List.of("crm"));
        assertThat(declaration.get("deletedAt")).isNotNull();
        assertThat(c.get("declaredAt")).isNotNull();
        Map<?, ?> request = (Map<?, ?>) c.get("request");
        assertThat(request.get("requestId")).isEqualTo(deletion.toString());
        assertThat(request.get("taskId")).isEqualTo(partnerTask.toString());
        List<?> retention = (List<?>) c.get("retention");
        assertThat(retention).hasSize(1);
        Map<?, ?> kept = (Map<?, ?>) retention.get(0);
        assertThat(kept.get("retentionBasisId")).isEqualTo(basis.toString());
        assertThat(kept.get("legalBasis")).isEqualTo("LEGAL_OBLIGATION");
        assertThat(kept.get("law")).isEqualTo("AML act s. 8");
        assertThat(kept.get("retentionPeriod")).isEqualTo("P5Y");
        assertThat(kept.get("categoriesKept")).isEqualTo(List.of("user.financial.bank_account"));
    }

    @Test
    @TestSecurity(user = OWNER, roles = "data-subject")
    @Verifies("3.5.c.b")
    void aRecipientTaskIsAttestedAsTheStoppedDisclosureAndTheNoticeToTheNamedRecipient() throws Exception {
        Map<String, Object> notice = listed(deletion).stream().filter(a -> !partnerTask.toString()
                .equals(a.get("taskId"))).findFirst().orElseThrow();
        SignedJWT jwt = SignedJWT.parse((String) notice.get("attestation"));
        Map<?, ?> declarant = (Map<?, ?>) jwt.getJWTClaimsSet().getClaim("declarant");
        assertThat(declarant.get("kind")).isEqualTo("RECIPIENT");
        assertThat(((Map<?, ?>) declarant.get("recipient")).get("name")).isEqualTo("Parcel Co");
        Map<?, ?> declaration = (Map<?, ?>) jwt.getJWTClaimsSet().getClaim("declaration");
        assertThat(declaration.get("type")).isEqualTo("DISCLOSURE_STOPPED_AND_RECIPIENT_NOTIFIED");
        assertThat(declaration.get("recipientNotifiedAt")).isNotNull();
        assertThat(verifies(jwt.serialize(), publishedKeys())).isTrue();
    }

    @Test
    @TestSecurity(user = OWNER, roles = "data-subject")
    @Verifies("3.5.c")
    void aTamperedAttestationOrOneSignedByAnotherKeyFailsVerification() throws Exception {
        String jws = (String) listed(deletion).get(0).get("attestation");
        JWKSet keys = publishedKeys();
        String[] parts = jws.split("\\.");
        // another subject's id in the payload, the original signature kept
        String payload = new Payload(JWSObject.parse(jws).getPayload().toString().replace(OWNER, NEIGHBOUR))
                .toBase64URL().toString();
        assertThat(verifies(parts[0] + "." + payload + "." + parts[2], keys)).isFalse();
        // a flipped signature byte
        char last = parts[2].charAt(5);
        String flipped = parts[2].substring(0, 5) + (last == 'A' ? 'B' : 'A') + parts[2].substring(6);
        assertThat(verifies(parts[0] + "." + parts[1] + "." + flipped, keys)).isFalse();
        // re-signed by a forger with their own key under the platform's kid
        ECKey forger = new ECKeyGenerator(Curve.P_256).keyID(JWSObject.parse(jws).getHeader().getKeyID()).generate();
        JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(forger.getKeyID()).build(),
                JWSObject.parse(jws).getPayload());
        forged.sign(new ECDSASigner(forger));
        assertThat(verifies(forged.serialize(), keys)).isFalse();
    }

    @Test
    @TestSecurity(user = OWNER, roles = "data-subject")
    void onlyCompletedDeletionTasksAreAttested() {
        given().get("/requests/" + access + "/attestations").then().statusCode(200).body("$", hasSize(0));
        assertThat(TestDb.single("SELECT count(*) FROM deletion_attestation WHERE request_id = ?::uuid",
                access.toString()).toString()).isEqualTo("0");
    }

    @Test
    @TestSecurity(user = NEIGHBOUR, roles = "data-subject")
    @Verifies(value = "3.4.f", exercises = {"RequestAttestationsResource#list", "AttestationResource#get"})
    void anotherSubjectsAttestationsAreNotFound() {
        String id = TestDb.single("SELECT id::text FROM deletion_attestation WHERE task_id = ?::uuid",
                partnerTask.toString()).toString();
        given().get("/requests/" + deletion + "/attestations").then().statusCode(404)
                .contentType(containsString("problem+json"));
        given().get("/deletion-attestations/" + id).then().statusCode(404).contentType(containsString("problem+json"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PARTNER))
    @Verifies("3.4.f")
    void theDeclaringPartnerReadsItsOwnAttestationButNotTheRequestsList() {
        String id = TestDb.single("SELECT id::text FROM deletion_attestation WHERE task_id = ?::uuid",
                partnerTask.toString()).toString();
        given().get("/deletion-attestations/" + id).then().statusCode(200).contentType("application/jose");
        given().get("/requests/" + deletion + "/attestations").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = OTHER_PARTNER))
    @Verifies("3.4.f")
    void anotherPartnerCannotReadTheAttestation() {
        String id = TestDb.single("SELECT id::text FROM deletion_attestation WHERE task_id = ?::uuid",
                partnerTask.toString()).toString();
        given().get("/deletion-attestations/" + id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void theOfficerReadsEveryAttestationAndBadIdsAreNotFound() {
        assertThat(listed(deletion)).hasSize(2);
        String id = (String) listed(deletion).get(0).get("id");
        given().get("/deletion-attestations/" + id).then().statusCode(200);
        given().get("/deletion-attestations/not-a-uuid").then().statusCode(404)
                .contentType(containsString("problem+json"));
        given().get("/deletion-attestations/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/requests/not-a-uuid/attestations").then().statusCode(404);
        given().get("/requests/" + UUID.randomUUID() + "/attestations").then().statusCode(404);
        given().accept("text/csv").get("/deletion-attestations/" + id).then().statusCode(406);
    }

    @Test
    @TestSecurity(user = "audrey", roles = "auditor")
    void theAuditorReadsTheAttestations() {
        assertThat(listed(deletion)).hasSize(2);
    }

    @Test
    @TestSecurity(user = "someone", roles = "other")
    void aCallerWithoutARoleIsRefused() {
        given().get("/requests/" + deletion + "/attestations").then().statusCode(403);
        given().get("/deletion-attestations/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void withoutATokenOnlyTheKeysAreReadable() throws Exception {
        given().get("/requests/" + deletion + "/attestations").then().statusCode(401);
        given().get("/deletion-attestations/" + UUID.randomUUID()).then().statusCode(401);
        assertThat(publishedKeys().getKeys()).allMatch(k -> k.getKeyID() != null);
    }
}
