package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.PARTNER_B;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the privacy center's browser tests share: both demo partners active, one headless Chromium per
 * test class, and no Content-Security-Policy violation or failed asset in any test.
 */
abstract class PrivacyCenterBrowser {

    static final String ALICE = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c";
    static final String BOB = "6b1f2c1e-3d4a-4f5b-8c6d-000000000b0b";

    static Chromium chromium;

    @BeforeAll
    static void partnersAndBrowser() {
        Platform.ensureActive("partner-demo-a", PARTNER_A, "CN");
        Platform.ensureActive("partner-demo-b", PARTNER_B, "SG");
        chromium = new Chromium();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @AfterEach
    void noPolicyViolationsOrMissingAssets() {
        assertThat(chromium.violations).as("CSP violations and failed assets").isEmpty();
    }
}
