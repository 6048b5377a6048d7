package com.privacyplatform.gateway.web;

import com.privacyplatform.gateway.proxy.WebProxy;
import com.privacyplatform.gateway.routing.RouteTable;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web pages for people: {@code /privacy/**} goes to the privacy center (backend
 * {@code privacy-center}) without bearer-token validation or partner rate limits - the privacy
 * center signs people in itself (authorization code + PKCE) and its own services check the
 * subject's token again. {@code /} leads there.
 */
@ApplicationScoped
public class WebRoutes {

    public static final String PREFIX = "/privacy";
    public static final String BACKEND = "privacy-center";

    private final RouteTable routes;
    private final Vertx vertx;

    public WebRoutes(RouteTable routes, Vertx vertx) {
        this.routes = routes;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        RouteTable.Backend backend = routes.backends().get(BACKEND);
        if (backend == null) {
            return; // no privacy center configured: /privacy is not served
        }
        ProxyHandler proxy = ProxyHandler.create(WebProxy.create(vertx, backend));
        router.routeWithRegex("^" + PREFIX + "$").order(20).handler(rc -> rc.redirect(PREFIX + "/"));
        router.route(PREFIX + "/*").order(21).handler(proxy);
        router.routeWithRegex(io.vertx.core.http.HttpMethod.GET, "^/$").order(22).handler(rc -> rc.redirect(PREFIX + "/"));
    }
}
