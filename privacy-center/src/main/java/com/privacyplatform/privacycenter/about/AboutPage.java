package com.privacyplatform.privacycenter.about;

import com.privacyplatform.commons.clause.Enforces;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Plain-language explanations (1.1): what each purpose and data category means, the user's rights
 * (1.2, 3.5.a-d) and how long partners have to answer. Public: reading it needs no sign-in.
 */
@Path("/about")
@PermitAll
public class AboutPage {

    private final Vocabulary vocabulary;
    private final DeadlineTable deadlines;
    private final SecurityIdentity identity;
    private final Template about;

    public AboutPage(Vocabulary vocabulary, DeadlineTable deadlines, SecurityIdentity identity,
            @Location("about.html") Template about) {
        this.vocabulary = vocabulary;
        this.deadlines = deadlines;
        this.identity = identity;
        this.about = about;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Enforces(value = "1.1", note = "rights, deadlines per law and every purpose, category and legal basis in plain language")
    public TemplateInstance about() {
        return about.data("purposes", vocabulary.purposes()).data("categories", vocabulary.categories())
                .data("legalBases", vocabulary.legalBases()).data("methods", vocabulary.methods())
                .data("vocabularyVersion", vocabulary.version()).data("deadlines", deadlines.rows())
                .data("deadlinesVersion", deadlines.version())
                .data("me", identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }
}
