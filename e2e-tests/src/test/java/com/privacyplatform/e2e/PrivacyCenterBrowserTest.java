package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Chromium.CENTER;
import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.PARTNER_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.privacyplatform.api.clause.Verifies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The privacy center in a real browser (Debian's Chromium, headless), through the gateway, signed in
 * with Keycloak's login form: a subject sees the consents partners recorded, revokes one (and the
 * partner's check then denies), downloads the signed receipt, files a deletion request that completes
 * when both partners have deleted, downloads an access export; another subject's data never shows;
 * the main actions work with the keyboard alone and the pages fit a phone. Screenshots of the main
 * screens go to privacy-center/target/screenshots/.
 */
class PrivacyCenterBrowserTest extends PrivacyCenterBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The partner's legal name as onboarded (Platform.ensureActive: "Demo <client id> Ltd."), read as the officer. */
    static String legalName(String partnerId) {
        String name = Platform.as(Platform.officer()).get("/api/partners/" + partnerId).then().statusCode(200)
                .extract().path("legalName");
        assertThat(name).startsWith("Demo partner-demo-");
        return name;
    }

    @Test
    @Verifies(value = {"1.1", "3.5.a", "1.2"}, exercises = {"ConsentPages#list", "ConsentPages#revoke"})
    void aliceSeesHerConsentsRevokesOneAndThePartnersCheckThenDenies() throws Exception {
        String notice = "pc-" + UUID.randomUUID().toString().substring(0, 8);
        // no recipients on alice's consents: ConsentAndRequestJourneyTest expects one deletion task per partner
        // for her (a recipient adds a RECIPIENT task); recipients are shown on bob's page (test below)
        String marketing = PartnerDesk.recordConsent(Platform.partnerA(), ALICE, "marketing.communications",
                "user.contact.email", notice, null);
        String payments = PartnerDesk.recordConsent(Platform.partnerB(), ALICE, "payment_processing", "user.name",
                notice, null);

        Page page = chromium.desktop();
        Chromium.signIn(page, "alice", "/consents");
        assertThat(page.locator("h1").textContent()).isEqualTo("My consents");
        Locator atA = consentItem(page, marketing);
        assertThat(atA.textContent()).contains("Marketing communications", "E-mail address", "version " + notice,
                "Ticked a box (express consent), on a website", "nobody else", "Active")
                .contains(java.time.Year.now(java.time.ZoneOffset.UTC).plusYears(1) + ", "); // expires in a year
        assertThat(consentItem(page, payments).textContent()).contains("Payment processing", "Name", "nobody else");
        // 1.1: the partners by their legal names as onboarded (the registry's partner directory), not by id
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText(legalName(PARTNER_A))).count())
                .isEqualTo(1);
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText(legalName(PARTNER_B))).count())
                .isEqualTo(1);
        assertThat(page.locator("main").textContent()).doesNotContain("names cannot be loaded")
                .contains(PARTNER_A, PARTNER_B);
        Chromium.screenshot(page, "01-consents");

        // the signed receipt, as a file: a JWS whose claims name this consent and alice
        Download receipt = page.waitForDownload(() -> atA.locator("text=Download signed receipt").click());
        String jws = Files.readString(receipt.path(), StandardCharsets.US_ASCII).trim();
        assertThat(jws.split("\\.")).hasSize(3);
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
        assertThat(claims.get("consentReceiptID").asText()).isEqualTo(marketing);
        assertThat(claims.get("piiPrincipalId").asText()).isEqualTo(ALICE);

        assertThat(PartnerDesk.check(Platform.partnerA(), ALICE, "marketing.communications", "user.contact.email"))
                .isEqualTo("ALLOW");
        atA.locator("a", new Locator.LocatorOptions().setHasText("Details and revoke")).click();
        page.waitForURL(CENTER + "/consents/" + marketing);
        assertThat(page.locator("main").textContent()).contains("Revoke this consent", "History",
                "the partner, recording your decision");
        Chromium.screenshot(page, "02-consent-detail");
        page.fill("#reason", "no more newsletters");
        page.click("button:has-text('Revoke consent for Marketing communications')");
        page.waitForURL(CENTER + "/consents/" + marketing + "?revoked=true");
        assertThat(page.locator("[role=status]").textContent()).contains("The consent is revoked");
        assertThat(page.locator("main").textContent()).contains("Revoked", "no more newsletters")
                .doesNotContain("Revoke this consent");
        Chromium.screenshot(page, "03-consent-revoked");

        // 3.5.a: the partner may no longer use the e-mail address for marketing; the other consent stands
        assertThat(PartnerDesk.check(Platform.partnerA(), ALICE, "marketing.communications", "user.contact.email"))
                .isEqualTo("DENY");
        assertThat(PartnerDesk.check(Platform.partnerB(), ALICE, "payment_processing", "user.name"))
                .isEqualTo("ALLOW");
        page.context().close();
    }

    @Test
    @Verifies(value = {"3.5.a", "3.5.c"}, exercises = "RequestPages#submit")
    void aliceFilesADeletionRequestThatCompletesWhenBothPartnersHaveDeleted() {
        PartnerDesk.recordConsent(Platform.partnerA(), ALICE, "payment_processing", "user.name", "2026-11", null);
        PartnerDesk.recordConsent(Platform.partnerB(), ALICE, "payment_processing", "user.name", "2026-11", null);
        Page page = chromium.desktop();
        Chromium.signIn(page, "alice", "/requests/new");
        // the form asks for no country: the consents' law sets the deadlines (3.5.b-c)
        assertThat(page.locator("#jurisdiction").count()).isZero();
        assertThat(page.locator("#deadline-note").textContent()).contains("follows the law your consent");
        // to every partner holding alice's data (dsr-service's own record of the holders: both partners)
        String requestId = submitRequest(page, "type-deletion", List.of());
        Locator main = page.locator("main");
        // both consents were collected under Chinese law (PartnerDesk): PIPL's calendar, for each partner
        assertThat(main.textContent()).contains("Your request was received", "Deletion of my data", "In progress",
                "(Personal Information Protection Law of the PRC (PIPL)", "Timeline", "Submitted");
        assertThat(page.locator("table.progress").textContent()).contains("China: PIPL");
        assertThat(page.locator("table.progress tbody tr").count()).isGreaterThanOrEqualTo(2);
        assertThat(main.textContent()).contains(legalName(PARTNER_A), legalName(PARTNER_B), "Not started");
        Chromium.screenshot(page, "04-request-open");

        PartnerDesk.deleteEverything(Platform.partnerA(), requestId);
        page.reload();
        assertThat(page.locator("main").textContent()).contains("In progress", "Done");
        PartnerDesk.deleteEverything(Platform.partnerB(), requestId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.reload();
            return page.locator("dl.facts").textContent().contains("Completed");
        });
        assertThat(page.locator("main").textContent()).contains("Done by everyone addressed", "Task completed");
        assertThat(page.locator("table.progress").textContent()).doesNotContain("Not started");
        Chromium.screenshot(page, "05-request-completed");

        page.navigate(CENTER + "/requests");
        assertThat(page.locator("a[href='/privacy/requests/" + requestId + "']").textContent())
                .isEqualTo("Deletion of my data");
        Chromium.screenshot(page, "06-requests");
        page.context().close();
    }

    @Test
    @Verifies(value = "3.5.a", exercises = "RequestPages#export")
    void aliceDownloadsTheAccessExportAPartnerDelivered() throws Exception {
        PartnerDesk.recordConsent(Platform.partnerA(), ALICE, "payment_processing", "user.name", "2026-11", null);
        Page page = chromium.desktop();
        Chromium.signIn(page, "alice", "/requests/new");
        String requestId = submitRequest(page, "type-access", List.of(PARTNER_A));
        assertThat(page.locator("main").textContent()).contains("Access to my data", "No copy is available");
        PartnerDesk.deliverExport(Platform.partnerA(), requestId,
                "{\"customer\":{\"name\":\"Alice Example\",\"orders\":3}}");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.reload();
            return page.locator("text=Download my data (JSON)").count() == 1;
        });
        Chromium.screenshot(page, "07-access-export");
        Download export = page.waitForDownload(() -> page.click("text=Download my data (JSON)"));
        JsonNode json = JSON.readTree(Files.readString(export.path()));
        assertThat(json.get("requestId").asText()).isEqualTo(requestId);
        assertThat(json.get("subjectId").asText()).isEqualTo(ALICE);
        assertThat(json.at("/parts/0/data/customer/name").asText()).isEqualTo("Alice Example");
        page.context().close();
    }

    @Test
    @Verifies(value = "3.4.f", exercises = {"RequestPages#mine", "ConsentPages#mine"})
    void bobsConsentsAndRequestsNeverShowOnAlicesPages() {
        String bobsRecipient = "Bob Only Recipient " + UUID.randomUUID().toString().substring(0, 6);
        String bobsNotice = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        Platform.ensureApprovedTransfer(PARTNER_A, "SG", "user.contact.email"); // the recipient is in SG (3.3.c)
        String bobsConsent = PartnerDesk.recordConsent(Platform.partnerA(), BOB, "marketing.communications",
                "user.contact.email", bobsNotice, bobsRecipient);
        PartnerDesk.recordConsent(Platform.partnerA(), ALICE, "payment_processing", "user.name", "2026-11", null);

        // bob sees his own consent with its third-party recipient (3.3.a)
        Page bob = chromium.desktop();
        Chromium.signIn(bob, "bob", "/consents");
        assertThat(consentItem(bob, bobsConsent).textContent()).contains("Marketing communications", bobsNotice,
                bobsRecipient + " (organisation, SG)");
        Chromium.screenshot(bob, "12-bob-consents-with-recipient");
        bob.context().close();

        Page alice = chromium.desktop();
        Chromium.signIn(alice, "alice", "/consents");
        List<String> pages = new ArrayList<>();
        for (String path : List.of("/", "/consents", "/requests", "/requests/new")) {
            alice.navigate(CENTER + path);
            pages.add(alice.content());
        }
        assertThat(String.join("\n", pages)).doesNotContain(BOB, bobsRecipient, bobsNotice, bobsConsent)
                .contains("Signed in as");
        // bob's consent by its address: not found for alice (never "forbidden": it does not exist for her)
        alice.navigate(CENTER + "/consents/" + bobsConsent);
        assertThat(alice.locator("h1").textContent()).isEqualTo("Not found");
        assertThat(alice.content()).doesNotContain(bobsRecipient, bobsNotice, BOB);
        alice.navigate(CENTER + "/consents/" + bobsConsent + "/receipt");
        assertThat(alice.locator("h1").textContent()).isEqualTo("Not found");
        Chromium.screenshot(alice, "08-other-subjects-consent-not-found");
        alice.context().close();
    }

    @Test
    void theMainActionsWorkWithTheKeyboardAlone() {
        String notice = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        String consent = PartnerDesk.recordConsent(Platform.partnerB(), ALICE, "marketing.communications",
                "user.contact.email", notice, null);
        Page page = chromium.desktop();
        Chromium.signIn(page, "alice", "/");

        // the first Tab reaches "Skip to main content"; Enter moves the focus into the main content
        page.keyboard().press("Tab");
        assertThat(focused(page)).isEqualTo("Skip to main content");
        page.keyboard().press("Enter");
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("main");

        // from the top, Tab reaches the navigation and every main action of the overview
        page.navigate(CENTER + "/");
        List<String> reached = tabThrough(page, 25);
        assertThat(reached).contains("My consents", "My requests", "Your rights explained", "Sign out",
                "See my consents", "Make a request");

        // revoke a consent without a mouse: Tab to its link, Enter, Tab to the button, Enter
        page.navigate(CENTER + "/consents");
        String link = "Details and revoke";
        tabUntil(page, () -> link.equals(focused(page)) && page.evaluate("() => document.activeElement.href")
                .toString().endsWith("/consents/" + consent), 200);
        page.keyboard().press("Enter");
        page.waitForURL(CENTER + "/consents/" + consent);
        tabUntil(page, () -> focused(page).startsWith("Revoke consent for"), 60);
        page.keyboard().press("Enter");
        page.waitForURL(CENTER + "/consents/" + consent + "?revoked=true");
        assertThat(page.locator("[role=status]").textContent()).contains("The consent is revoked");

        // the request form: radio buttons, checkboxes and the select by keyboard
        page.navigate(CENTER + "/requests/new");
        tabUntil(page, () -> "type-access".equals(page.evaluate("() => document.activeElement.id")), 40);
        page.keyboard().press("ArrowDown"); // next radio of the group: correction
        assertThat(page.isChecked("#type-correction")).isTrue();
        page.close();
    }

    /** 20.2: every kind of request the privacy center files (access, correction, deletion), by keyboard only. */
    @Test
    void eachKindOfRequestIsFiledWithTheKeyboardAlone() {
        PartnerDesk.recordConsent(Platform.partnerB(), ALICE, "payment_processing", "user.name", "2026-11", null);
        Page page = chromium.desktop();
        Chromium.signIn(page, "alice", "/");
        for (String type : List.of("access", "correction", "deletion")) {
            // retried while dsr-service has not yet seen the consent (the form comes back with an alert)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> fileWithTheKeyboard(page, type));
            assertThat(page.url()).contains("/requests/").contains("submitted=true");
            assertThat(page.locator("main").textContent()).isNotBlank();
        }
        page.context().close();
    }

    private static boolean fileWithTheKeyboard(Page page, String type) {
        page.navigate(CENTER + "/requests/new");
        chooseRadio(page, "type", "type-" + type);
        assertThat(page.isChecked("#type-" + type)).isTrue();
        chooseRadio(page, "scope", "scope-all");
        assertThat(page.isChecked("#scope-all")).isTrue();
        if (type.equals("correction")) {
            tabUntil(page, () -> "field-1".equals(activeId(page)), 40);
            page.keyboard().press("ArrowDown"); // the first category after "none"
            assertThat(page.evaluate("() => document.activeElement.value").toString()).isNotBlank();
            page.keyboard().press("Tab");
            assertThat(activeId(page)).isEqualTo("value-1");
            page.keyboard().type("Alice Keyboard");
        }
        tabUntil(page, () -> "Send request".equals(focused(page)), 60);
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
        if (page.url().contains("/requests/") && page.url().contains("submitted=true")) {
            return true;
        }
        assertThat(page.locator("[role=alert]").textContent()).isNotBlank();
        return false;
    }

    /** Tab into the radio group {@code name}, then the arrow keys (which wrap) to {@code id}, and Space. */
    private static void chooseRadio(Page page, String name, String id) {
        tabUntil(page, () -> name.equals(page.evaluate("() => document.activeElement.name")), 60);
        for (int i = 0; i < 6 && !id.equals(activeId(page)); i++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat(activeId(page)).isEqualTo(id);
        page.keyboard().press("Space");
    }

    private static String activeId(Page page) {
        Object id = page.evaluate("() => document.activeElement.id");
        return id == null ? "" : id.toString();
    }

    @Test
    void thePagesFitAPhoneSizedScreen() {
        PartnerDesk.recordConsent(Platform.partnerA(), ALICE, "payment_processing", "user.name", "2026-11", null);
        Page page = chromium.open(375, 740);
        Chromium.signIn(page, "alice", "/");
        for (String path : List.of("/", "/consents", "/requests", "/requests/new", "/about")) {
            page.navigate(CENTER + path);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow of " + path).isLessThanOrEqualTo(0);
            // text stays readable: body text at least 16 px
            Object size = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)");
            assertThat(((Number) size).doubleValue()).isGreaterThanOrEqualTo(16);
        }
        page.navigate(CENTER + "/consents");
        Chromium.screenshot(page, "09-phone-consents");
        page.navigate(CENTER + "/requests/new");
        Chromium.screenshot(page, "10-phone-request-form");
        page.navigate(CENTER + "/about");
        Chromium.screenshot(page, "11-phone-rights");
        page.context().close();
    }

    /**
     * Fills the request form - to the ticked partners, or to every holder when none are given - and
     * retries while dsr-service has not yet seen the consents; answers the request id.
     */
    private static String submitRequest(Page page, String typeId, List<String> partners) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.check("#" + typeId);
            page.check(partners.isEmpty() ? "#scope-all" : "#scope-chosen");
            for (String partner : partners) {
                page.check("#partner-" + partner);
            }
            page.waitForNavigation(() -> page.click("button:has-text('Send request')"));
            if (page.url().contains("/requests/") && page.url().contains("submitted=true")) {
                return true;
            }
            // refused (dsr-service does not know yet that these partners hold alice's data): the form again
            assertThat(page.locator("[role=alert]").textContent()).isNotBlank();
            return false;
        });
        String url = page.url();
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    private static Locator consentItem(Page page, String consentId) {
        return page.locator("li.consent", new Page.LocatorOptions()
                .setHas(page.locator("a[href='/privacy/consents/" + consentId + "']")));
    }

    private static String focused(Page page) {
        Object text = page.evaluate("() => (document.activeElement.innerText || document.activeElement.value || '')"
                + ".trim()");
        return text == null ? "" : text.toString();
    }

    private static List<String> tabThrough(Page page, int presses) {
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < presses; i++) {
            page.keyboard().press("Tab");
            reached.add(focused(page));
        }
        return reached;
    }

    private static void tabUntil(Page page, java.util.function.BooleanSupplier reached, int maxPresses) {
        for (int i = 0; i < maxPresses; i++) {
            page.keyboard().press("Tab");
            if (reached.getAsBoolean()) {
                return;
            }
        }
        throw new AssertionError("the keyboard did not reach the element within " + maxPresses + " Tab presses");
    }
}
