package com.privacyplatform.privacycenter.about;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.privacycenter.i18n.Preferences;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Plain-language explanations (1.1): what each purpose and data category means, the user's rights
 * (1.2, 3.5.a-d) and how long partners have to answer. Public: reading it needs no sign-in.
 */
@Path("/about")
@PermitAll
public class AboutPage {

    /** The rights the page explains, in this order (texts {@code about.right.<name>.name/.text}). */
    static final List<String> RIGHTS = List.of("know", "decide", "revoke", "access", "correct", "delete", "profiling",
            "sensitive");

    @TemplateData
    public record Right(String name, String text) {
    }

    private final Vocabulary vocabulary;
    private final DeadlineTable deadlines;
    private final SecurityIdentity identity;
    private final Preferences preferences;
    private final Template about;

    public AboutPage(Vocabulary vocabulary, DeadlineTable deadlines, SecurityIdentity identity,
            Preferences preferences, @Location("about.html") Template about) {
        this.vocabulary = vocabulary;
        this.deadlines = deadlines;
        this.identity = identity;
        this.preferences = preferences;
        this.about = about;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Enforces(value = "1.1", note = "rights, deadlines per law and every purpose, category and legal basis in plain language")
    public TemplateInstance about() {
        Words w = preferences.words();
        return about.data("purposes", vocabulary.purposes(w)).data("categories", vocabulary.categories(w))
                .data("legalBases", vocabulary.legalBases(w)).data("methods", vocabulary.methods(w))
                .data("vocabularyVersion", vocabulary.version()).data("deadlines", deadlines.rows(w)).data("w", w)
                .data("rights", RIGHTS.stream().map(r -> new Right(w.t("about.right." + r + ".name"),
                        w.t("about.right." + r + ".text"))).toList())
                .data("deadlinesVersion", deadlines.version())
                .data("me", identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }
}
