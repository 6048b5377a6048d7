package com.privacyplatform.privacycenter.web;

import com.privacyplatform.privacycenter.i18n.Preferences;
import com.privacyplatform.privacycenter.session.Me;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The start page after sign-in, and the page shown after signing out. */
@Path("/")
public class HomePage {

    private final Me me;
    private final Preferences preferences;
    private final Template home;
    private final Template signedOut;

    public HomePage(Me me, Preferences preferences, @Location("home.html") Template home, @Location("signed-out.html") Template signedOut) {
        this.me = me;
        this.preferences = preferences;
        this.home = home;
        this.signedOut = signedOut;
    }

    @GET
    @RolesAllowed(Me.ROLE)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        Words w = preferences.words();
        return home.data("me", me.displayName(w)).data("w", w);
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return signedOut.data("me", null).data("w", preferences.words());
    }
}
