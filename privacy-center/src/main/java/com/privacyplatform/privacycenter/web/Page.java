package com.privacyplatform.privacycenter.web;

import io.quarkus.qute.TemplateGlobal;
import org.eclipse.microprofile.config.ConfigProvider;

/** Values every template needs: where the application lives (its root path, e.g. {@code /privacy}). */
@TemplateGlobal
public final class Page {

    private Page() {
    }

    /** The root path without a trailing slash; links are {@code {base}/consents}. */
    public static String base() {
        String root = ConfigProvider.getConfig().getOptionalValue("quarkus.http.root-path", String.class).orElse("/");
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }
}
