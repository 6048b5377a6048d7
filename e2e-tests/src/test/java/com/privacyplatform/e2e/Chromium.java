package com.privacyplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's Chromium, headless, driven by Playwright (verified recipe: Playwright for Java 1.62 with Debian's chromium 156): no
 * browser download. Pages are opened through the gateway, signed in through Keycloak's own login
 * form; every Content-Security-Policy violation and failed request of a privacy page is collected.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Paths.get(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    /** The privacy center's screenshots for review: privacy-center/target/screenshots (set by the pom). */
    static final Path SCREENSHOTS = Paths.get(System.getProperty("e2e.screenshots", "target/screenshots"));
    static final String CENTER = Platform.GATEWAY + "/privacy";

    private final Playwright playwright;
    private final Browser browser;
    final List<String> violations = new CopyOnWriteArrayList<>();

    Chromium() {
        assertThat(EXECUTABLE).as("Debian's chromium (apt-get install chromium; ./platform test installs it)")
                .isExecutable();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
    }

    /** A fresh browser profile (no cookies) with a desktop or a phone-sized window. */
    Page open(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setAcceptDownloads(true).setLocale("en-GB"));
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy") || message.text().contains("Refused to")) {
                violations.add(page.url() + ": " + message.text());
            }
        });
        page.onResponse(response -> {
            if (response.url().startsWith(CENTER + "/assets/") && response.status() >= 400) {
                violations.add(response.url() + " answered " + response.status());
            }
        });
        return page;
    }

    Page desktop() {
        return open(1280, 900);
    }

    /** Opens {@code path} of the privacy center and signs in on Keycloak's login form. */
    static void signIn(Page page, String user, String path) {
        page.navigate(CENTER + path);
        assertThat(page.url()).startsWith("http://localhost:8180/realms/privacy/");
        page.fill("#username", user);
        page.fill("#password", user + "-demo-pw");
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(CENTER));
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /**
     * Files a request of {@code typeId} (e.g. {@code type-deletion}) to one partner through the form,
     * retrying while dsr-service has not yet seen the partner's consents; answers the request id.
     */
    static String fileRequest(Page page, String typeId, String partner) {
        List<String> url = new java.util.ArrayList<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofSeconds(1)).until(() -> {
                    page.navigate(CENTER + "/requests/new");
                    page.check("#" + typeId);
                    page.check("#scope-chosen");
                    page.check("#partner-" + partner);
                    page.waitForNavigation(() -> page.click("#request-form button[type=submit]"));
                    url.add(page.url());
                    return page.url().contains("submitted=true");
                });
        String last = url.get(url.size() - 1);
        return last.substring(last.lastIndexOf('/') + 1, last.indexOf('?'));
    }
}
