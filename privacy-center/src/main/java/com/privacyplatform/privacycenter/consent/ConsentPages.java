package com.privacyplatform.privacycenter.consent;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.privacycenter.backend.BackendException;
import com.privacyplatform.privacycenter.backend.Calls;
import com.privacyplatform.privacycenter.backend.ConsentApi;
import com.privacyplatform.privacycenter.backend.ConsentViews.Consent;
import com.privacyplatform.privacycenter.backend.ConsentViews.ConsentPage;
import com.privacyplatform.privacycenter.backend.ConsentViews.RevocationBody;
import com.privacyplatform.privacycenter.session.Me;
import com.privacyplatform.privacycenter.i18n.Preferences;
import com.privacyplatform.privacycenter.web.Redirects;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The subject's consents (1.1, 1.2, 3.3.a, 3.5.a): every decision per partner and purpose, one
 * revocation at a time (never a bundled switch), and the signed receipt.
 */
@Path("/consents")
@RolesAllowed(Me.ROLE)
public class ConsentPages {

    /** A subject with more decisions than this sees the first ones and a note (keyset pages of 500). */
    static final int MAX_PAGES = 20;

    private final ConsentApi consents;
    private final ConsentRows rows;
    private final Me me;
    private final Preferences preferences;
    private final Template list;
    private final Template detail;

    public ConsentPages(@RestClient ConsentApi consents, ConsentRows rows, Me me, Preferences preferences,
            @Location("consents.html") Template list, @Location("consent.html") Template detail) {
        this.consents = consents;
        this.rows = rows;
        this.me = me;
        this.preferences = preferences;
        this.list = list;
        this.detail = detail;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Enforces(value = "1.1", note = "every consent per partner (by legal name) and purpose: categories, when and how given, notice, recipients, status")
    public TemplateInstance list() {
        List<Consent> mine = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String after = cursor;
            ConsentPage page = Calls.to(Calls.CONSENT, () -> consents.list(me.bearer(), me.subject(), 500, after));
            page.items().stream().filter(c -> me.owns(c.subjectId())).forEach(mine::add);
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < MAX_PAGES);
        Words w = preferences.words();
        return list.data("groups", rows.byPartner(mine, w)).data("count", mine.size())
                .data("truncated", cursor != null).data("me", me.displayName(w)).data("w", w);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") UUID id, @QueryParam("revoked") boolean revoked) {
        Consent consent = mine(id);
        Words w = preferences.words();
        return detail.data("c", rows.row(consent, w))
                .data("history", rows.history(Calls.to(Calls.CONSENT, () -> consents.history(me.bearer(), id)), w))
                .data("revoked", revoked).data("me", me.displayName(w)).data("w", w);
    }

    /** 3.5.a: revocation of one consent at any time; the form carries the version it was shown. */
    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Enforces(value = {"1.2", "3.5.a"}, note = "one consent at a time, never a bundled switch")
    public Response revoke(@PathParam("id") UUID id, @FormParam("version") Long version,
            @FormParam("reason") String reason) {
        mine(id);
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        if (text != null && text.length() > 500) {
            Words w = preferences.words();
            throw new BackendException(Calls.CONSENT, 400, w.t("revoke.reasonTooLong.title"),
                    w.t("revoke.reasonTooLong.detail"), null, List.of(), true);
        }
        String ifMatch = version == null ? null : "\"" + version + "\"";
        Calls.to(Calls.CONSENT, () -> consents.revoke(me.bearer(), ifMatch, id, new RevocationBody(text)));
        return Redirects.seeOther("/consents/" + id + "?revoked=true");
    }

    /** The signed receipt (JWS) as a file the subject keeps and can verify offline. */
    @GET
    @Path("/{id}/receipt")
    @Produces("application/jose")
    public Response receipt(@PathParam("id") UUID id) {
        mine(id);
        String jws = Calls.to(Calls.CONSENT, () -> consents.receipt(me.bearer(), id));
        return Response.ok(jws, "application/jose")
                .header("Content-Disposition", "attachment; filename=\"consent-receipt-" + id + ".jws\"").build();
    }

    @Enforces(value = "3.4.f", note = "someone else's consent is Not found")
    private Consent mine(UUID id) {
        Consent consent = Calls.to(Calls.CONSENT, () -> consents.get(me.bearer(), id));
        if (!me.owns(consent.subjectId())) {
            throw new BackendException(Calls.CONSENT, 404, null, null, null, List.of());
        }
        return consent;
    }
}
