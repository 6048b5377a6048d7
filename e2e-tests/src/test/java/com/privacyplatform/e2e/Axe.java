package com.privacyplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The axe-core accessibility engine (org.webjars.npm:axe-core) run inside a page with the WCAG 2.0
 * and 2.1 level A and AA rules. The page's strict Content-Security-Policy stays as it is: the engine
 * is evaluated through Playwright (the DevTools protocol), never added as a script tag.
 */
final class Axe {

    static final String VERSION = "4.6.3";
    private static final String SOURCE = read("/META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js");
    private static final String RUN = "async () => { const result = await axe.run(document, {runOnly: {type: 'tag',"
            + " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']});"
            + " return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' -> '"
            + " + v.nodes.map(n => n.target.join(' ') + ' [' + (n.failureSummary || '').replace(/\\s+/g, ' ')"
            + " + ']').join('; ')).join('\\n'); }";

    private Axe() {
    }

    /** Fails with every WCAG 2.1 A/AA violation axe-core finds on the page as it is now. */
    static void assertNoViolations(Page page, String what) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            page.evaluate("() => { " + SOURCE + "\n}");
            // the engine defines window.axe when evaluated at the top level of a function body
        }
        assertThat(page.evaluate("() => typeof window.axe")).as("axe-core loaded in " + what).isEqualTo("object");
        Object violations = page.evaluate(RUN);
        assertThat(violations == null ? "" : violations.toString()).as("axe-core WCAG 2.1 AA violations on " + what)
                .isEmpty();
    }

    private static String read(String resource) {
        try (InputStream in = Axe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
