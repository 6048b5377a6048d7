package com.privacyplatform.consent.receipt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.privacyplatform.consent.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Receipts verify offline with any JOSE library, using only the published JWK set. */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
class ReceiptTest {

    @TestHTTPResource("/.well-known/jwks.json")
    URL jwks;

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Test
    void aReceiptVerifiesOfflineWithOnlyThePublishedJwks() throws Exception {
        String subject = Fixtures.subject();
        JsonPath created = record(subject);
        String receipt = created.getString("items[0].receipt");

        JWTClaimsSet claims = verifier().process(receipt, null);

        assertThat(claims.getStringClaim("version")).isEqualTo("KI-CR-v1.1.0");
        assertThat(claims.getStringClaim("consentReceiptID")).isEqualTo(created.getString("items[0].consent.id"));
        assertThat(claims.getStringClaim("piiPrincipalId")).isEqualTo(subject);
        assertThat(claims.getSubject()).isEqualTo(subject);
        assertThat(claims.getStringClaim("jurisdiction")).isEqualTo("CN");
        assertThat(claims.getStringClaim("collectionMethod")).isEqualTo("CHECKBOX");
        assertThat(claims.getLongClaim("consentTimestamp")).isPositive();
        assertThat(claims.getBooleanClaim("sensitive")).isTrue();
        assertThat(claims.getStringListClaim("spiCat")).containsExactly("user.financial.bank_account");
        assertThat(claims.getStringClaim("state")).isEqualTo("GRANTED");
        assertThat(claims.getJSONObjectClaim("notice")).containsEntry("textHash", Fixtures.NOTICE_HASH);
        @SuppressWarnings("unchecked")
        Map<String, Object> controller = (Map<String, Object>) claims.getListClaim("piiControllers").get(0);
        assertThat(controller).containsEntry("piiControllerId", Fixtures.A);
        @SuppressWarnings("unchecked")
        Map<String, Object> service = (Map<String, Object>) claims.getListClaim("services").get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> purpose = ((List<Map<String, Object>>) service.get("purposes")).get(0);
        assertThat(purpose).containsEntry("purpose", "payment_processing")
                .containsEntry("consentType", "EXPLICIT")
                .containsEntry("primaryPurpose", true)
                .containsEntry("thirdPartyDisclosure", true)
                .containsEntry("thirdPartyName", "Acme Logistics Ltd.");
        @SuppressWarnings("unchecked")
        List<Object> piiCategory = (List<Object>) purpose.get("piiCategory");
        assertThat(piiCategory).containsExactly("user.name", "user.financial.bank_account");
    }

    @Test
    void aTamperedReceiptDoesNotVerify() throws Exception {
        String receipt = record(Fixtures.subject()).getString("items[0].receipt");
        String[] parts = receipt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("GRANTED", "REFUSED");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertThatThrownBy(() -> verifier().process(forged, null)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void theReceiptEndpointSignsTheCurrentState() throws Exception {
        String id = record(Fixtures.subject()).getString("items[0].consent.id");
        given().contentType(ContentType.JSON).body("{\"reason\":\"asked by phone\"}")
                .post("/consents/" + id + "/revocation").then().statusCode(200);
        String receipt = given().get("/consents/" + id + "/receipt").then().statusCode(200)
                .contentType("application/jose").extract().asString();
        JWTClaimsSet claims = verifier().process(receipt, null);
        assertThat(claims.getStringClaim("state")).isEqualTo("REVOKED");
        assertThat(claims.getStringClaim("decision")).isEqualTo("GRANTED");
    }

    @Test
    @TestSecurity
    void theJwksIsPublicButReceiptsAreNot() {
        given().get("/.well-known/jwks.json").then().statusCode(200).contentType(ContentType.JSON);
        String jwksJson = given().get("/.well-known/jwks.json").asString();
        assertThat(jwksJson).contains("\"kid\"").doesNotContain("\"d\"");
        given().get("/consents/" + java.util.UUID.randomUUID() + "/receipt").then().statusCode(401);
    }

    private JsonPath record(String subject) {
        return given().contentType(ContentType.JSON).body(Fixtures.body(subject)
                        .recipient("Acme Logistics Ltd.", "SG", "ORGANIZATION", "privacy@acme.example")
                        .purpose("payment_processing", true, "user.name", "user.financial.bank_account").json())
                .post("/consents").then().statusCode(201).extract().jsonPath();
    }

    /** A verifier built from nothing but the service's published JWK set URL. */
    private DefaultJWTProcessor<SecurityContext> verifier() {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("consent-receipt+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
                keys));
        return processor;
    }
}
