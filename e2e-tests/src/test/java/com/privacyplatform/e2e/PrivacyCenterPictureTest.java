package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Chromium.CENTER;
import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.privacyplatform.api.clause.Verifies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/**
 * Proof of erasure and a person's whole picture in a real browser: after a partner declared a deletion,
 * the request page offers the signed deletion attestation, which verifies with a JOSE library and the
 * JWK set the gateway publishes - nothing else; the whole-picture page shows, per partner, the consents
 * and what the partner did, and its downloads (JSON and a printable HTML page) carry every signed
 * consent receipt and deletion attestation in full.
 */
class PrivacyCenterPictureTest extends PrivacyCenterBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Verification as a regulator does it: the JWS and the published keys (no token, no platform code). */
    static JsonNode verified(String jws, String keysPath) throws Exception {
        String keys = Platform.anonymous().get(keysPath).then().statusCode(200).extract().asString();
        JsonWebSignature signature = new JsonWebSignature();
        signature.setCompactSerialization(jws.trim());
        JsonWebKey key = new JsonWebKeySet(keys).getJsonWebKeys().stream()
                .filter(k -> k.getKeyId().equals(signature.getKeyIdHeaderValue())).findFirst().orElseThrow();
        signature.setKey(key.getKey());
        assertThat(signature.verifySignature()).as("signature of " + keysPath).isTrue();
        return JSON.readTree(signature.getPayload());
    }

    static boolean verifies(String jws, String keysPath) throws Exception {
        try {
            verified(jws, keysPath);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    @Test
    @Verifies(value = "3.5.c", exercises = {"RequestPages#attestation", "AttestationIssuer#issueIfDeletion"})
    void aliceDownloadsTheSignedProofOfErasureAndItVerifiesWithThePublishedKeysAlone() throws Exception {
        PartnerDesk.recordConsent(Platform.partnerA(), ALICE, "payment_processing", "user.name", "2026-11", null);
        Page page = chromium.desktop();
        Chromium.signIn(page, "alice", "/requests/new");
        String requestId = Chromium.fileRequest(page, "type-deletion", PARTNER_A);
        assertThat(page.locator("#h-attestations").textContent()).isEqualTo("Proof of erasure");
        assertThat(page.locator("main").textContent()).contains("No partner has declared a deletion yet");

        PartnerDesk.deleteEverything(Platform.partnerA(), requestId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.reload();
            return page.locator("a:has-text('Download the signed attestation')").count() > 0;
        });
        Chromium.screenshot(page, "20-request-proof-of-erasure");
        Download file = page.waitForDownload(() -> page.locator("a:has-text('Download the signed attestation')")
                .first().click());
        String jws = Files.readString(file.path(), StandardCharsets.US_ASCII).trim();
        JsonNode claims = verified(jws, "/api/deletion-attestations/jwks.json");
        assertThat(claims.get("sub").asText()).isEqualTo(ALICE);
        assertThat(claims.at("/declarant/partnerId").asText()).isEqualTo(PARTNER_A);
        assertThat(claims.at("/request/requestId").asText()).isEqualTo(requestId);
        assertThat(claims.at("/declaration/systems").toString()).contains("crm", "billing");
        assertThat(claims.get("scope").asText()).contains("does not attest the deletion itself");
        // tampered: another subject in the payload under the original signature
        String[] parts = jws.split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toString()
                .replace(ALICE, BOB).getBytes(StandardCharsets.UTF_8));
        assertThat(verifies(parts[0] + "." + forged + "." + parts[2], "/api/deletion-attestations/jwks.json"))
                .isFalse();
        // bob cannot fetch alice's attestation through his own session
        Page bob = chromium.desktop();
        Chromium.signIn(bob, "bob", "/requests");
        String href = page.locator("a:has-text('Download the signed attestation')").first().getAttribute("href");
        bob.navigate(Platform.GATEWAY + href);
        assertThat(bob.locator("h1").textContent()).isEqualTo("Not found");
        bob.context().close();
        page.context().close();
    }

    @Test
    @Verifies(value = {"1.1", "3.5.a", "3.5.c"}, exercises = {"PicturePages#show", "PicturePages#json"})
    void aliceSeesHerWholePictureAndDownloadsItWithEveryReceiptAndAttestation() throws Exception {
        String notice = "wp-" + UUID.randomUUID().toString().substring(0, 8);
        String consent = PartnerDesk.recordConsent(Platform.partnerA(), ALICE, "payment_processing", "user.name",
                notice, null);
        Page page = chromium.desktop();
        Chromium.signIn(page, "alice", "/requests/new");
        String requestId = Chromium.fileRequest(page, "type-deletion", PARTNER_A);
        PartnerDesk.deleteEverything(Platform.partnerA(), requestId);

        page.navigate(CENTER + "/");
        page.click("nav.main a:has-text('My whole picture')");
        page.waitForURL(CENTER + "/picture");
        assertThat(page.locator("h1").textContent()).isEqualTo("Your whole picture, partner by partner");
        assertThat(page.locator("nav.main a[aria-current=page]").textContent()).isEqualTo("My whole picture");
        String partnerSection = page.locator("section.partner", new Page.LocatorOptions()
                .setHas(page.locator("#pp-" + PARTNER_A))).textContent();
        assertThat(partnerSection).contains("What you consented to", "Payment processing",
                "What it did with your requests", "Deletion of my data");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.reload();
            return page.locator("a[href*='/requests/" + requestId + "/attestations/']").count() > 0;
        });
        Chromium.screenshot(page, "21-whole-picture");

        Download json = page.waitForDownload(() -> page.click("text=Download as data (JSON)"));
        JsonNode doc = JSON.readTree(Files.readString(json.path()));
        assertThat(doc.get("subjectId").asText()).isEqualTo(ALICE);
        JsonNode partner = null;
        for (JsonNode p : doc.get("partners")) {
            if (p.get("partnerId").asText().equals(PARTNER_A)) {
                partner = p;
            }
        }
        assertThat(partner).isNotNull();
        List<String> attestations = new ArrayList<>();
        JsonNode receipt = null;
        for (JsonNode c : partner.get("consents")) {
            if (c.get("consentId").asText().equals(consent)) {
                receipt = c.get("receipt");
            }
        }
        assertThat(receipt).isNotNull();
        JsonNode receiptClaims = verified(receipt.asText(), "/api/.well-known/jwks.json");
        assertThat(receiptClaims.get("consentReceiptID").asText()).isEqualTo(consent);
        for (JsonNode r : partner.get("requests")) {
            if (r.get("requestId").asText().equals(requestId)) {
                r.get("attestations").forEach(a -> attestations.add(a.get("attestation").asText()));
            }
        }
        assertThat(attestations).isNotEmpty();
        for (String a : attestations) {
            assertThat(verified(a, "/api/deletion-attestations/jwks.json").at("/request/requestId").asText())
                    .isEqualTo(requestId);
        }

        Download html = page.waitForDownload(() -> page.click("text=Download as a printable page (HTML)"));
        String printable = Files.readString(html.path());
        // attestations are stored: the same JWS; receipts are signed at each request: a fresh one of this consent
        assertThat(printable).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains(attestations.get(0)).doesNotContain("<script");
        List<String> consentsInPrint = new ArrayList<>();
        java.util.regex.Matcher pre = java.util.regex.Pattern.compile("<pre class=\"receipt\">([^<]+)</pre>")
                .matcher(printable);
        while (pre.find()) {
            consentsInPrint.add(verified(pre.group(1), "/api/.well-known/jwks.json").get("consentReceiptID").asText());
        }
        assertThat(consentsInPrint).contains(consent);
        page.context().close();
    }
}
