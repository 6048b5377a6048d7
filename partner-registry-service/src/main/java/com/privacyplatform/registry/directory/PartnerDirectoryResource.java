package com.privacyplatform.registry.directory;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.registry.directory.DirectoryViews.Directory;
import com.privacyplatform.registry.directory.DirectoryViews.DirectoryEntry;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.partner.PartnerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who a partner is, for everybody with a platform role (1.1, 3.5.a): a data subject sees which
 * company holds their data and whether it still is a partner. Read-only; only the legal name,
 * jurisdiction and status - no contacts, security officer or scope (3.2.d).
 */
@Path("/partner-directory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner directory")
@RolesAllowed({Roles.DATA_SUBJECT, Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER, Roles.SERVICE})
public class PartnerDirectoryResource {

    /** At most this many ids per lookup. */
    public static final int MAX_IDS = 100;

    private final PartnerRepository partners;

    public PartnerDirectoryResource(PartnerRepository partners) {
        this.partners = partners;
    }

    @GET
    @WithSession
    @Enforces("1.1")
    @Operation(summary = "Look up partners' public facts (legal name, jurisdiction, status) by id; unknown ids are absent")
    @APIResponseSchema(value = Directory.class, responseCode = "200",
            responseDescription = "The known partners among the ids, in the order asked")
    public Uni<Directory> lookup(
            @Parameter(description = "Partner ids (UUID), repeated: ?id=...&id=...; 1 to 100")
            @QueryParam("id") List<String> ids) {
        Set<UUID> wanted = parse(ids);
        return partners.list("id in ?1", List.copyOf(wanted)).map(found -> {
            Map<UUID, Partner> byId = found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
            return new Directory(wanted.stream().filter(byId::containsKey).map(id -> entry(byId.get(id))).toList());
        });
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Enforces("1.1")
    @Operation(summary = "One partner's public facts (legal name, jurisdiction, status)")
    @APIResponseSchema(value = DirectoryEntry.class, responseCode = "200",
            responseDescription = "The partner's public facts")
    public Uni<DirectoryEntry> one(@PathParam("id") String id) {
        UUID partnerId = uuid(id, "id");
        return partners.findById(partnerId).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("no partner " + partnerId);
            }
            return entry(p);
        });
    }

    static DirectoryEntry entry(Partner p) {
        return new DirectoryEntry(p.id, p.legalName, p.jurisdiction, p.status);
    }

    private static Set<UUID> parse(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.validation("name at least one partner id",
                    List.of(new Problem.FieldError("id", "at least one id is required")));
        }
        if (ids.size() > MAX_IDS) {
            throw ProblemException.validation("at most " + MAX_IDS + " ids per lookup",
                    List.of(new Problem.FieldError("id", "at most " + MAX_IDS + " ids, got " + ids.size())));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> wanted = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = parseOrNull(ids.get(i));
            if (id == null) {
                errors.add(new Problem.FieldError("id[" + i + "]", "must be a UUID"));
            } else {
                wanted.add(id);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("malformed partner id", errors);
        }
        return wanted;
    }

    private static UUID uuid(String value, String field) {
        UUID id = parseOrNull(value);
        if (id == null) {
            throw ProblemException.validation("malformed partner id",
                    List.of(new Problem.FieldError(field, "must be a UUID")));
        }
        return id;
    }

    private static UUID parseOrNull(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
