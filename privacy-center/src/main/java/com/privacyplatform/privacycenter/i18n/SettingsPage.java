package com.privacyplatform.privacycenter.i18n;

import com.privacyplatform.privacycenter.web.Page;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The person's settings, kept in two cookies of this site only: the language (also set by the
 * switcher on every page, {@code GET /language/{tag}}) and the time zone times are shown in.
 */
@Path("/settings")
@PermitAll
public class SettingsPage {

    static final int ONE_YEAR = 365 * 24 * 3600;

    @TemplateData
    public record ZoneOption(String id, String label) {
    }

    private final Languages languages;
    private final Preferences preferences;
    private final SecurityIdentity identity;
    private final Template settings;
    private final List<ZoneOption> zones;

    public SettingsPage(Languages languages, Preferences preferences, SecurityIdentity identity,
            @Location("settings.html") Template settings) {
        this.languages = languages;
        this.preferences = preferences;
        this.identity = identity;
        this.settings = settings;
        Instant now = Instant.now();
        this.zones = ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.indexOf('/') > 0 && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                .sorted().map(id -> new ZoneOption(id, id.replace('_', ' ') + " (" + offset(ZoneId.of(id), now) + ")"))
                .toList();
    }

    static String offset(ZoneId zone, Instant at) {
        ZoneOffset offset = zone.getRules().getOffset(at);
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("saved") boolean saved) {
        Words w = preferences.words();
        ZoneId account = preferences.accountZone();
        ZoneId chosen = preferences.chosenZone();
        return settings.data("w", w).data("languages", languages.all()).data("zones", zones)
                .data("chosenZone", chosen == null ? "" : chosen.getId())
                .data("accountZone", account == null ? null : account.getId())
                .data("now", w.time(Instant.now())).data("saved", saved)
                .data("me", identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("language") String language, @FormParam("zone") String zone,
            @HeaderParam("X-Forwarded-Proto") String proto) {
        Language chosen = languages.get(language);
        ZoneId chosenZone = Preferences.zone(zone);
        Response.ResponseBuilder answer = Response.status(Response.Status.SEE_OTHER)
                .header("Location", Page.base() + "/settings?saved=true");
        if (chosen != null) {
            answer.cookie(cookie(Languages.COOKIE, chosen.tag(), proto));
        }
        // an empty or unknown zone: back to the default (the account's, else UTC)
        answer.cookie(chosenZone == null ? forget(Preferences.ZONE_COOKIE, proto)
                : cookie(Preferences.ZONE_COOKIE, chosenZone.getId(), proto));
        return answer.build();
    }

    static NewCookie cookie(String name, String value, String proto) {
        return new NewCookie.Builder(name).value(value).path(Page.base() + "/").maxAge(ONE_YEAR).httpOnly(true)
                .secure("https".equalsIgnoreCase(proto)).sameSite(NewCookie.SameSite.LAX).build();
    }

    static NewCookie forget(String name, String proto) {
        return new NewCookie.Builder(name).value("").path(Page.base() + "/").maxAge(0).httpOnly(true)
                .secure("https".equalsIgnoreCase(proto)).sameSite(NewCookie.SameSite.LAX).build();
    }
}
