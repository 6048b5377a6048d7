package com.privacyplatform.privacycenter.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /**
     * This page's address (path and query, URL-encoded for a query parameter), for the language
     * switcher to return to; the overview for a form post or outside a page request.
     */
    public static String here() {
        String here = base() + "/";
        try {
            RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
            if (rc != null && rc.request().method() == HttpMethod.GET && rc.request().uri().startsWith(base() + "/")) {
                here = rc.request().uri();
            }
        } catch (RuntimeException e) {
            // no request context (a failure of the HTTP layer): the overview
        }
        return URLEncoder.encode(here, StandardCharsets.UTF_8);
    }
}
