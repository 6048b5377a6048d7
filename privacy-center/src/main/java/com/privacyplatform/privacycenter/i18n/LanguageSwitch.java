package com.privacyplatform.privacycenter.i18n;

import com.privacyplatform.privacycenter.web.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/**
 * The language switcher on every page: a link per language that remembers the choice (cookie
 * {@code pc-lang}, a year) and returns to the page it was chosen on. It changes nothing but how the
 * pages are worded, so a plain link does (no form, no CSRF token).
 */
@Path("/language")
@PermitAll
public class LanguageSwitch {

    /** A page of this application to return to: a path under the root, nothing else. */
    private static final Pattern BACK = Pattern.compile("/[A-Za-z0-9/_.?=&%-]*");

    private final Languages languages;

    public LanguageSwitch(Languages languages) {
        this.languages = languages;
    }

    /** The switcher: remembers the language and returns to the page it was chosen on. */
    @GET
    @Path("/{tag}")
    public Response switchTo(@PathParam("tag") String tag, @QueryParam("back") String back,
            @HeaderParam("X-Forwarded-Proto") String proto) {
        Language chosen = languages.get(tag);
        String base = Page.base();
        String target = back != null && back.length() <= 512 && back.startsWith(base + "/") && !back.startsWith("//")
                && BACK.matcher(back).matches() ? back : base + "/";
        Response.ResponseBuilder answer = Response.status(Response.Status.SEE_OTHER).header("Location", target);
        if (chosen != null) {
            answer.cookie(SettingsPage.cookie(Languages.COOKIE, chosen.tag(), proto));
        }
        return answer.build();
    }

}
