package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Chromium.CENTER;
import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.PARTNER_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.privacyplatform.api.clause.Verifies;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The privacy center against WCAG 2.1 AA in a real browser: every page, in English and in Simplified
 * Chinese, signed in and not, is checked by axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa: no violation
 * allowed), must not scroll sideways 375 px wide, and is photographed at desktop and phone width into
 * privacy-center/target/screenshots for review. Each kind of request is filed with the keyboard alone,
 * and the keyboard focus is always visible. Keycloak's own login page is out of scope.
 */
class PrivacyCenterAccessibilityTest extends PrivacyCenterBrowser {

    static final List<String> LANGUAGES = List.of("en", "zh-CN");

    @Test
    @Verifies("1.1")
    void everyPageInBothLanguagesPassesAxeFitsAPhoneAndIsPhotographed() {
        // anonymous pages
        Page visitor = chromium.desktop();
        Map<String, String> open = new LinkedHashMap<>();
        open.put("about", "/about");
        open.put("settings", "/settings");
        open.put("signed-out", "/signed-out");
        open.put("page-not-found", "/nothing-here");
        for (String language : LANGUAGES) {
            open.forEach((name, path) -> check(visitor, language, "public-" + name, path, null));
        }
        visitor.context().close();

        // bob's pages, with consents of two partners (one shared with a recipient) and an access request
        String notice = "a11y-" + UUID.randomUUID().toString().substring(0, 8);
        Platform.ensureApprovedTransfer(PARTNER_A, "SG", "user.contact.email"); // the recipient is in SG (3.3.c)
        String shared = PartnerDesk.recordConsent(Platform.partnerA(), BOB,
                "marketing.communications", "user.contact.email", notice, "Parcel Co " + notice);
        String toRevoke = PartnerDesk.recordConsent(Platform.partnerB(), BOB,
                "marketing.communications", "user.contact.email", notice, null);
        PartnerDesk.recordConsent(Platform.partnerB(), BOB, "payment_processing", "user.name",
                notice, null);
        Page bob = chromium.desktop();
        Chromium.signIn(bob, "bob", "/");
        bob.navigate(CENTER + "/consents/" + toRevoke);
        bob.click("button.danger");
        bob.waitForURL(url -> url.contains("revoked=true"));
        String request = fileAccessRequest(bob, PARTNER_B);
        // a deletion partner A declared done: its request page offers the signed attestations (3.5.c)
        String deletion = Chromium.fileRequest(bob, "type-deletion", PARTNER_A);
        PartnerDesk.deleteEverything(Platform.partnerA(), deletion);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("consents", "/consents");
        pages.put("consent", "/consents/" + shared);
        pages.put("consent-revoked", "/consents/" + toRevoke + "?revoked=true");
        pages.put("requests", "/requests");
        pages.put("request-form", "/requests/new");
        pages.put("request", "/requests/" + request + "?submitted=true");
        pages.put("request-deletion-attested", "/requests/" + deletion);
        pages.put("whole-picture", "/picture");
        pages.put("rights", "/about");
        pages.put("settings", "/settings?saved=true");
        pages.put("not-found", "/consents/" + UUID.randomUUID());
        for (String language : LANGUAGES) {
            pages.forEach((name, path) -> check(bob, language, "bob-" + name, path, null));
            // the request form sent without a choice: its problems, each tied to its field
            check(bob, language, "bob-request-form-problems", "/requests/new", page -> {
                page.click("button[type=submit]");
                page.waitForSelector(".error-summary");
                assertThat(page.getAttribute("#type-access", "aria-describedby")).isEqualTo("type-error");
                assertThat(page.getAttribute("#type-access", "aria-invalid")).isEqualTo("true");
                assertThat(page.textContent("#type-error")).isNotBlank();
            });
        }
        bob.context().close();

        // an account that is not a data subject's: the explanation page
        Page olivia = chromium.desktop();
        Chromium.signIn(olivia, "olivia", "/consents");
        for (String language : LANGUAGES) {
            check(olivia, language, "officer-not-a-data-subject", "/consents", null);
        }
        olivia.context().close();
    }

    @Test
    void eachKindOfRequestCanBeFiledWithTheKeyboardAloneAndTheFocusIsAlwaysVisible() {
        PartnerDesk.recordConsent(Platform.partnerB(), BOB, "payment_processing", "user.name",
                "kb-2026", null);
        Page page = chromium.desktop();
        Chromium.signIn(page, "bob", "/requests/new");
        for (String type : List.of("ACCESS", "CORRECTION", "DELETION")) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> fileByKeyboard(page, type));
            assertThat(page.locator("[role=status]").textContent()).contains("Your request was received");
            assertThat(page.locator("h1").textContent()).isEqualTo(switch (type) {
                case "ACCESS" -> "Access to my data";
                case "CORRECTION" -> "Correction of my data";
                default -> "Deletion of my data";
            });
        }
        page.context().close();
    }

    /**
     * Opens the form and fills it with Tab, arrow keys, Space and typing only - every stop showing a
     * visible focus - and sends it with Enter; true when the request page answers (false: the form came
     * back because dsr-service does not know yet that the partner holds bob's data).
     */
    private static boolean fileByKeyboard(Page page, String type) {
        page.navigate(CENTER + "/requests/new");
        tabTo(page, "type-access");
        int down = List.of("ACCESS", "CORRECTION", "DELETION").indexOf(type);
        if (down == 0) {
            page.keyboard().press("Space");
        }
        for (int i = 0; i < down; i++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat(page.isChecked("#type-" + type.toLowerCase())).isTrue();
        page.keyboard().press("Tab"); // into the next group: its checked radio, "every partner"
        assertThat(id(page)).isEqualTo("scope-all");
        page.keyboard().press("ArrowDown");
        assertThat(page.isChecked("#scope-chosen")).isTrue();
        tabTo(page, "partner-" + PARTNER_B);
        page.keyboard().press("Space");
        assertThat(page.isChecked("#partner-" + PARTNER_B)).isTrue();
        if ("CORRECTION".equals(type)) {
            tabTo(page, "field-1");
            page.keyboard().press("ArrowDown"); // the first kind of data of the list: Name
            assertThat(page.inputValue("#field-1")).isEqualTo("user.name");
            page.keyboard().press("Tab");
            assertThat(id(page)).isEqualTo("value-1");
            page.keyboard().type("Robert Example");
        }
        tabTo(page, "send");
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
        return page.url().contains("submitted=true");
    }

    /** Presses Tab until the element with this id (or the form's send button, "send") has the focus. */
    private static void tabTo(Page page, String target) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            assertFocusVisible(page);
            boolean reached = "send".equals(target)
                    ? Boolean.TRUE.equals(page.evaluate("() => document.activeElement.type === 'submit'"
                            + " && document.activeElement.form && document.activeElement.form.id === 'request-form'"))
                    : target.equals(id(page));
            if (reached) {
                return;
            }
        }
        throw new AssertionError("Tab did not reach " + target);
    }

    private static String id(Page page) {
        Object id = page.evaluate("() => document.activeElement.id");
        return id == null ? "" : id.toString();
    }

    /** The focused element is outlined (3 px, the focus colour), as :focus-visible draws it for the keyboard. */
    private static void assertFocusVisible(Page page) {
        Object outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                + " return document.activeElement === document.body ? 'body'"
                + " : s.outlineStyle + ' ' + parseFloat(s.outlineWidth); }");
        assertThat(outline.toString()).as("focus outline of " + id(page)).isIn("solid 3", "body");
    }

    /**
     * One page in one language: chosen with the switcher (which returns to the page), checked by axe-core,
     * photographed at desktop width, then at 375 px asserted not to scroll sideways and photographed again.
     */
    private static void check(Page page, String language, String name, String path, Consumer<Page> then) {
        page.setViewportSize(1280, 900);
        page.navigate(CENTER + "/language/" + language + "?back="
                + URLEncoder.encode("/privacy" + path, StandardCharsets.UTF_8));
        if (then != null) {
            then.accept(page);
        }
        assertThat(page.getAttribute("html", "lang")).isEqualTo(language);
        String what = name + " (" + language + ", " + page.url() + ")";
        Axe.assertNoViolations(page, what);
        Chromium.screenshot(page, language + "-desktop-" + name);
        page.setViewportSize(375, 740);
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        assertThat(fits).as("no horizontal scrolling at 375 px: " + what).isEqualTo(true);
        Chromium.screenshot(page, language + "-phone-" + name);
        page.setViewportSize(1280, 900);
    }

    /** Files an access request to one partner through the form, retrying while dsr-service catches up. */
    private static String fileAccessRequest(Page page, String partner) {
        return Chromium.fileRequest(page, "type-access", partner);
    }
}
