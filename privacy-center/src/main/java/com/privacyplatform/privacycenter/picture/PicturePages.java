package com.privacyplatform.privacycenter.picture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.privacycenter.i18n.Preferences;
import com.privacyplatform.privacycenter.picture.PictureSources.Gathered;
import com.privacyplatform.privacycenter.session.Me;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A person's whole picture (1.1, 3.5.a): per partner, what they consented to and what the partner did
 * with their requests, with one download of all of it - JSON, or a printable HTML page - that carries
 * the signed consent receipts and deletion attestations in full, to be shown to a regulator.
 */
@Path("/picture")
@RolesAllowed(Me.ROLE)
public class PicturePages {

    private final PictureSources sources;
    private final PictureRows rows;
    private final Me me;
    private final Preferences preferences;
    private final ObjectMapper mapper;
    private final Template page;
    private final Template print;

    public PicturePages(PictureSources sources, PictureRows rows, Me me, Preferences preferences, ObjectMapper mapper,
            @Location("picture.html") Template page, @Location("picture-print.html") Template print) {
        this.sources = sources;
        this.rows = rows;
        this.me = me;
        this.preferences = preferences;
        this.mapper = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.page = page;
        this.print = print;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Enforces(value = {"1.1", "3.5.a"}, note = "every partner's consents and request outcomes on one page")
    public TemplateInstance show() {
        Gathered g = sources.gather(false);
        Words w = preferences.words();
        return page.data("partners", rows.byPartner(g, w)).data("truncated", g.truncated())
                .data("me", me.displayName(w)).data("w", w);
    }

    @GET
    @Path("/download.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Enforces(value = "3.5.a", note = "the whole picture as one file with the signed receipts and attestations")
    public Response json() {
        Gathered g = sources.gather(true);
        Words w = preferences.words();
        try {
            String body = mapper.writeValueAsString(rows.document(g, me.subject(), now(), w));
            return attachment(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"), "json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the picture could not be written", e);
        }
    }

    @GET
    @Path("/download.html")
    @Produces(MediaType.TEXT_HTML)
    public Response html() {
        Gathered g = sources.gather(true);
        Words w = preferences.words();
        String body = print.data("partners", rows.byPartner(g, w)).data("truncated", g.truncated())
                .data("subject", me.subject()).data("generatedAt", w.time(Instant.now()))
                .data("documents", PictureRows.documents(g)).data("w", w).render();
        return attachment(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"), "html");
    }

    private static Response attachment(String body, MediaType type, String extension) {
        return Response.ok(body, type).header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"my-privacy-picture." + extension + "\"").build();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
