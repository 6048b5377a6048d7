package com.privacyplatform.privacycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Verifies;
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
    @Verifies(value = "1.1", exercises = "AboutPage#about")
    void theExplanationsPageExplainsEveryPurposeAndDataCategoryOfTheVocabularyAndTheDeadlines() throws Exception {
        String html = unescape(browser().get("/privacy/about").body());
        JsonNode vocabulary;
        try (InputStream in = getClass().getResourceAsStream("/com/privacyplatform/api/vocabulary/vocabulary.json")) {
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
    @Verifies(value = {"3.5.b", "3.5.c"}, exercises = "RequestPages#submit")
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
    @Verifies(value = "3.4.f", exercises = {"RequestPages#mine", "Me#owns", "ConsentPages#mine"})
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

    @Test
    @Verifies("1.1")
    void theRightsPageSpeaksSimplifiedChineseWhenTheBrowserAsksForIt() throws Exception {
        HttpResponse<String> page = browser().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").get("/privacy/about");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = unescape(page.body());
        assertThat(html).contains("<html lang=\"zh-CN\">", "<h1>您的权利说明</h1>", "撤回同意。", "15 个工作日",
                "可延期一次，最多 2 个自然月", "《中华人民共和国个人信息保护法》（PIPL）", "词汇表版本")
                .doesNotContain("Your rights explained", "What the purposes mean", "calendar month", "working day");
        JsonNode vocabulary;
        try (InputStream in = getClass().getResourceAsStream("/com/privacyplatform/api/vocabulary/vocabulary.json")) {
            vocabulary = JSON.readTree(in);
        }
        // every purpose and kind of data in Chinese, none in the vocabulary's English
        for (String list : new String[] {"purposes", "dataCategories", "legalBases", "consentMethods"}) {
            for (JsonNode term : vocabulary.get(list)) {
                assertThat(html).doesNotContain(">" + term.get("title").asText() + "<",
                        term.get("description").asText());
            }
        }
        assertThat(html).contains(">营销信息</dt>", ">电子邮箱地址 <span class=\"tag\">敏感</span></dt>",
                "<dd>用户的电子邮箱地址（显示时遮蔽，3.2.d）。</dd>");
        // the switcher offers English, named in English, and marks Chinese as the page's language
        assertThat(html).contains("<a href=\"/privacy/language/en?back=%2Fprivacy%2Fabout\" lang=\"en\""
                + " hreflang=\"en\">English</a>", "<span class=\"current\" lang=\"zh-CN\">简体中文</span>");
        // a browser that asks for a language the privacy center does not speak gets the default
        assertThat(browser().header("Accept-Language", "fr-FR,de;q=0.5").get("/privacy/about").body())
                .contains("<html lang=\"en\">", "Your rights explained");
    }

    @Test
    void theSwitcherOverridesTheBrowsersLanguageAndIsRemembered() {
        Browserless visitor = browser().header("Accept-Language", "zh-CN");
        assertThat(visitor.get("/privacy/about").body()).contains("<html lang=\"zh-CN\">");
        HttpResponse<String> switched = visitor.get("/privacy/language/en?back=%2Fprivacy%2Fabout");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(Browserless.location(switched)).isEqualTo("/privacy/about");
        assertThat(switched.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("pc-lang=en;").contains("Path=/privacy/", "Max-Age=31536000", "HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
        assertThat(visitor.get("/privacy/about").body()).contains("<html lang=\"en\">", "Your rights explained");
        // and back to Chinese; a return address elsewhere is ignored (the overview instead), an unknown language too
        HttpResponse<String> back = visitor.get("/privacy/language/zh-CN?back=https%3A%2F%2Fevil.example%2F");
        assertThat(Browserless.location(back)).isEqualTo("/privacy/");
        assertThat(visitor.get("/privacy/about").body()).contains("<html lang=\"zh-CN\">");
        assertThat(Browserless.location(visitor.get("/privacy/language/tlh?back=%2F%2Fevil.example")))
                .isEqualTo("/privacy/");
        assertThat(visitor.get("/privacy/about").body()).contains("<html lang=\"zh-CN\">");
    }

    @Test
    void errorPagesAndProblemsSpeakThePersonsLanguage() {
        Browserless alice = browser().header("Accept-Language", "zh-CN");
        HttpResponse<String> page = alice.signIn("alice", "/privacy/consents");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("<html lang=\"zh-CN\">", "暂时无法使用", "目前无法连接同意服务",
                "当前登录： <strong>alice</strong>").doesNotContain("Temporarily unavailable");
        HttpResponse<String> missing = alice.get("/privacy/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("页面不存在");
        HttpResponse<String> refused = alice.postForm("/privacy/requests", Map.of("type", "DELETION", "scope", "all"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("表单未被接受", "没有任何内容被更改");
        // the request form's own checks, next to their fields
        HttpResponse<String> form = alice.get("/privacy/requests/new");
        HttpResponse<String> invalid = alice.postForm("/privacy/requests", Map.of("csrf-token",
                Browserless.csrfToken(form.body()), "scope", "chosen", "correctionField", "user.name",
                "submission", UUID.randomUUID().toString()));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("请选择您想要的：查阅、更正或删除。",
                "<fieldset aria-describedby=\"type-error\">", "id=\"type-error\"",
                "aria-describedby=\"scope-error\" aria-invalid=\"true\"", "<a href=\"#type-access\">");
        // the transport layer's pages too, before sign-in
        HttpResponse<String> tooLong = browser().header("Accept-Language", "zh").get("/privacy/about?q="
                + "x".repeat(5000));
        assertThat(tooLong.statusCode()).isEqualTo(414);
        assertThat(tooLong.body()).contains("地址过长");
    }

    @Test
    void timesFollowTheTimeZonePickedInTheSettings() {
        Browserless visitor = browser();
        HttpResponse<String> settings = visitor.get("/privacy/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("<label for=\"zone\">", "UTC (the default)",
                "<option value=\"Asia/Shanghai\" >Asia/Shanghai (UTC+08:00)</option>").containsPattern("Now it is .* UTC\\.");
        HttpResponse<String> saved = visitor.postForm("/privacy/settings", Map.of("csrf-token",
                Browserless.csrfToken(settings.body()), "language", "zh-CN", "zone", "Asia/Shanghai"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(Browserless.location(saved)).isEqualTo("/privacy/settings?saved=true");
        HttpResponse<String> after = visitor.get("/privacy/settings?saved=true");
        assertThat(after.body()).contains("<html lang=\"zh-CN\">", "您的设置已保存。",
                "<option value=\"Asia/Shanghai\" selected>").containsPattern("现在是 .* UTC\\+08:00。");
        // an unknown zone is no zone: back to UTC
        HttpResponse<String> reset = visitor.postForm("/privacy/settings", Map.of("csrf-token",
                Browserless.csrfToken(after.body()), "language", "en", "zone", "Mars/Olympus_Mons"));
        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(visitor.get("/privacy/settings").body()).contains("<html lang=\"en\">")
                .containsPattern("Now it is .* UTC\\.");
        // without the form's token nothing is saved
        assertThat(visitor.postForm("/privacy/settings", Map.of("language", "zh-CN")).statusCode()).isEqualTo(400);
        assertThat(visitor.get("/privacy/settings").body()).contains("<html lang=\"en\">");
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
