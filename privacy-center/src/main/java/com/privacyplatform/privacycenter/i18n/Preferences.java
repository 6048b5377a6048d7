package com.privacyplatform.privacycenter.i18n;

import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * This request's language and time zone. Language: the switcher's cookie, else the browser's
 * {@code Accept-Language}, else the default. Time zone: the one picked in the settings (cookie), else
 * the signed-in person's {@code zoneinfo} claim, else UTC.
 */
@RequestScoped
public class Preferences {

    public static final String ZONE_COOKIE = "pc-zone";

    private final Languages languages;
    private final CurrentVertxRequest request;
    private final SecurityIdentity identity;
    private Words words;

    public Preferences(Languages languages, CurrentVertxRequest request, SecurityIdentity identity) {
        this.languages = languages;
        this.request = request;
        this.identity = identity;
    }

    public Words words() {
        if (words == null) {
            RoutingContext rc = request.getCurrent();
            words = new Words(language(languages, rc), chosenZone(rc) != null ? chosenZone(rc) : accountZone());
        }
        return words;
    }

    /** The zone the person picked in the settings; null when none (or an unknown one). */
    public ZoneId chosenZone() {
        return chosenZone(request.getCurrent());
    }

    /** The zone of the signed-in person's account ({@code zoneinfo}); null when none. */
    public ZoneId accountZone() {
        try {
            if (identity == null || identity.isAnonymous()
                    || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                return null;
            }
            return zone(token.getClaim("zoneinfo"));
        } catch (RuntimeException e) {
            return null; // no identity in this context: no account zone
        }
    }

    /** Words for a request outside the pages (HTTP-layer failures): its language, in UTC. */
    public static Words words(Languages languages, RoutingContext rc) {
        return new Words(language(languages, rc), ZoneOffset.UTC);
    }

    static Language language(Languages languages, RoutingContext rc) {
        if (rc == null) {
            return languages.byDefault();
        }
        Cookie cookie = rc.request().getCookie(Languages.COOKIE);
        return languages.choose(cookie == null ? null : cookie.getValue(), rc.request().getHeader("Accept-Language"));
    }

    private static ZoneId chosenZone(RoutingContext rc) {
        Cookie cookie = rc == null ? null : rc.request().getCookie(ZONE_COOKIE);
        return cookie == null ? null : zone(cookie.getValue());
    }

    /** A region zone id (Asia/Shanghai) or UTC; anything else is no zone. */
    public static ZoneId zone(Object id) {
        if (!(id instanceof String text) || text.isBlank() || text.length() > 64) {
            return null;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
