package com.privacyplatform.privacycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.clause.Verifies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The privacy center without its services: sign-in with the real Keycloak (authorization code +
 * PKCE), security headers, CSRF, the explanations page, and clear pages when a service is down
 * (the test profile points consent-service and dsr-service at a closed port).
 */
@QuarkusTest
class PrivacyCenterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    private Browserless browser() {
        return new Browserless(root.getProtocol() + "://" + root.getHost() + ":" + root.getPort());
    }

    @Test
    void aVisitorWithoutSessionIsSentToKeycloakWithAPkceChallenge() {
        HttpResponse<String> response = browser().get("/privacy/consents");
        assertThat(response.statusCode()).isEqualTo(302);
        String location = URLDecoder.decode(Browserless.location(response), StandardCharsets.UTF_8);
        assertThat(location).startsWith("http://localhost:8180/realms/privacy/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=privacy-center", "code_challenge_method=S256",
                        "redirect_uri=http://localhost:8080/privacy/consents")
                .containsPattern("code_challenge=[A-Za-z0-9_-]{43}&");
        // the PKCE verifier travels only inside the encrypted, HttpOnly state cookie
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("q_auth_").containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void behindTheGatewaysHttpsListenerTheRedirectUriIsHttpsAndTheStateCookieSecure() throws Exception {
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(root.getProtocol() + "://" + root.getHost() + ":" + root.getPort()
                        + "/privacy/requests")).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "localhost:8443").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(URLDecoder.decode(Browserless.location(response), StandardCharsets.UTF_8))
                .contains("redirect_uri=https://localhost:8443/privacy/requests");
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("q_auth_").containsIgnoringCase("; Secure"));
    }

    @Test
    @Verifies("3.4.b")
    void everyPageCarriesAStrictContentSecurityPolicyAndNoCaching() {
        HttpResponse<String> response = browser().get("/privacy/about");
        assertThat(response.statusCode()).isEqualTo(200);
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'none'", "style-src 'self'", "img-src 'self'",
                "form-action 'self' http://localhost:8180", "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http://localhost:8180/", "*");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        // nothing inline, nothing from elsewhere: one local stylesheet
        assertThat(response.body()).doesNotContain("<script", "style=", "https://", "http://")
                .contains("<link rel=\"stylesheet\" href=\"/privacy/assets/site.css\">");
        HttpResponse<String> css = browser().get("/privacy/assets/site.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(css.body()).doesNotContain("@import", "url(");
    }

    @Test
    @Verifies("1.1")
    void theExplanationsPageExplainsEveryPurposeAndDataCategoryOfTheVocabularyAndTheDeadlines() throws Exception {
        String html = unescape(browser().get("/privacy/about").body());
        JsonNode vocabulary;
        try (InputStream in = getClass().getResourceAsStream("/com/privacyplatform/commons/vocabulary/vocabulary.json")) {
            vocabulary = JSON.readTree(in);
        }
        for (String list : new String[] {"purposes", "dataCategories", "legalBases"}) {
            for (JsonNode term : vocabulary.get(list)) {
                assertThat(html).contains(term.get("title").asText(), term.get("description").asText());
            }
        }
        assertThat(html).contains("Vocabulary version " + vocabulary.get("version").asText())
                .contains("Take a consent back", "See your data", "Correct it", "Delete it")
                .contains("1 calendar month", "45 calendar days", "15 working days", "3 working days")
                .contains("once, by up to 2 calendar months", "no extension");
        // 3.2.c: the purposes that profile people are marked, the others are not
        for (JsonNode purpose : vocabulary.get("purposes")) {
            String term = "id=\"purpose-" + purpose.get("id").asText() + "\">" + purpose.get("title").asText();
            assertThat(html).contains(term + (purpose.get("profiling").asBoolean()
                    ? " <span class=\"tag\">profiling: needs the platform's authorization</span></dt>" : "</dt>"));
        }
        assertThat(html).contains("Profiling and automated decisions");
    }

    @Test
    void aSignedInSubjectSeesAClearPageWhenTheConsentServiceIsDown() {
        Browserless alice = browser();
        HttpResponse<String> page = alice.signIn("alice", "/privacy/consents");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Temporarily unavailable", "consent service cannot be reached",
                "Nothing was changed", "Signed in as <strong>alice</strong>")
                .doesNotContain("Exception", "\"status\"", "stack", "localhost:1");
        HttpResponse<String> requests = alice.get("/privacy/requests");
        assertThat(requests.statusCode()).isEqualTo(503);
        assertThat(requests.body()).contains("request service cannot be reached");
    }

    @Test
    @Verifies("3.4.b")
    void aFormPostWithoutOrWithAWrongCsrfTokenIsRefusedBeforeAnyServiceIsCalled() {
        Browserless alice = browser();
        // the request form renders without consent-service (dsr-service finds the holders itself)
        HttpResponse<String> form = alice.signIn("alice", "/privacy/requests/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("The list of partners cannot be loaded right now");
        String token = Browserless.csrfToken(form.body());
        Map<String, String> request = Map.of("type", "DELETION", "scope", "all",
                "submission", UUID.randomUUID().toString());

        HttpResponse<String> missing = alice.postForm("/privacy/requests", request);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Form not accepted", "Nothing was changed").doesNotContain("cannot be reached");

        HttpResponse<String> wrong = alice.postForm("/privacy/requests", with(request, "csrf-token",
                token.substring(1) + "x"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Form not accepted").doesNotContain("cannot be reached");

        // the right token passes the check: the request then reaches dsr-service, which is down here
        HttpResponse<String> right = alice.postForm("/privacy/requests", with(request, "csrf-token", token));
        assertThat(right.statusCode()).isEqualTo(503);
        assertThat(right.body()).contains("request service cannot be reached");
    }

    @Test
    @Verifies({"3.5.b", "3.5.c"})
    void theRequestFormAsksForNoCountryBecauseTheConsentsLawsSetTheDeadlines() {
        HttpResponse<String> form = browser().signIn("bob", "/privacy/requests/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).doesNotContain("name=\"jurisdiction\"", "Where do you live", "Your country decides")
                .contains("follows the law your consent to that", "earliest date counts");
        String about = unescape(browser().get("/privacy/about").body());
        assertThat(about).contains("Which rule applies depends on the law each partner")
                .doesNotContain("the country you name");
    }

    @Test
    @Verifies("3.4.f")
    void anAccountThatIsNotADataSubjectGetsAnExplanationNotSomeoneElsesData() {
        HttpResponse<String> page = browser().signIn("olivia", "/privacy/consents");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("This page is for data subjects");
    }

    @Test
    void unknownPagesAndInvalidFormsArePagesInWordsNotJson() {
        Browserless alice = browser();
        alice.signIn("alice", "/privacy/");
        HttpResponse<String> missing = alice.get("/privacy/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").doesNotContain("{\"");
        HttpResponse<String> badId = alice.get("/privacy/consents/not-a-uuid");
        assertThat(badId.statusCode()).isEqualTo(404);
        assertThat(badId.body()).contains("<h1>").doesNotContain("{\"", "Exception");
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(form);
        copy.put(name, value);
        return copy;
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
