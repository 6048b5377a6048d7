package com.privacyplatform.registry.vocabulary;

import com.privacyplatform.api.vocabulary.Vocabulary;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The controlled vocabulary, public: partners build forms from it and users read what it means (1.1). */
@Path("/vocabulary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabulary")
public class VocabularyResource {

    @GET
    @PermitAll
    @Operation(summary = "Purposes, data categories (with the sensitive flag, 2.2), legal bases, consent methods, transfer mechanisms, jurisdictions")
    public Vocabulary.Content get() {
        return Vocabulary.get().content();
    }
}
