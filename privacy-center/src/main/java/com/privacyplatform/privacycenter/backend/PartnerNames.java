package com.privacyplatform.privacycenter.backend;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.privacycenter.backend.RegistryApi.DirectoryEntry;
import com.privacyplatform.privacycenter.session.Me;
import com.privacyplatform.privacycenter.web.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Partner names for this request (1.1, 3.5.a: a person sees which company holds their data), from
 * the registry's partner directory, asked once per page for every partner it shows. When the
 * directory cannot answer, partners are shown by their short platform id and the page says so
 * (templates read {@code inject:partnerNames.unavailable}); a page never fails for a name.
 */
@RequestScoped
@Named("partnerNames")
public class PartnerNames {

    private static final Logger LOG = Logger.getLogger(PartnerNames.class);

    private final RegistryApi registry;
    private final Me me;
    private final Map<UUID, DirectoryEntry> known = new HashMap<>();
    private final Set<UUID> asked = new LinkedHashSet<>();
    private boolean unavailable;

    public PartnerNames(@RestClient RegistryApi registry, Me me) {
        this.registry = registry;
        this.me = me;
    }

    /** Looks up every partner not asked for yet in this request, in calls of at most 100 ids. */
    public PartnerNames load(Collection<UUID> partnerIds) {
        List<String> missing = partnerIds.stream().filter(id -> id != null && asked.add(id)).map(UUID::toString)
                .distinct().toList();
        if (missing.isEmpty() || unavailable) {
            return this;
        }
        try {
            for (int from = 0; from < missing.size(); from += RegistryApi.MAX_IDS) {
                List<String> chunk = new ArrayList<>(missing.subList(from,
                        Math.min(missing.size(), from + RegistryApi.MAX_IDS)));
                Calls.to(Calls.REGISTRY, () -> registry.directory(me.bearer(), chunk)).items()
                        .forEach(e -> known.put(e.partnerId(), e));
            }
        } catch (RuntimeException e) {
            // the names are a convenience: the short ids still identify every partner
            unavailable = true;
            LOG.warnf("partner directory unavailable, partners shown by id: %s", e.getMessage());
        }
        return this;
    }

    /**
     * The partner's legal name, marked when it is no longer a partner or suspended; its short id
     * (e.g. "Partner 2b9ab027") when the directory does not know it or cannot be reached.
     */
    @Enforces(value = "1.1", note = "partners by legal name and status from the registry's directory")
    public String name(UUID partnerId, Words w) {
        if (partnerId == null) {
            return "";
        }
        if (!asked.contains(partnerId)) {
            load(List.of(partnerId));
        }
        DirectoryEntry entry = known.get(partnerId);
        if (entry == null || entry.legalName() == null || entry.legalName().isBlank()) {
            return w.partner(partnerId);
        }
        return switch (entry.status() == null ? "" : entry.status()) {
            case "TERMINATED" -> w.t("partner.terminated", entry.legalName());
            case "SUSPENDED" -> w.t("partner.suspended", entry.legalName());
            default -> entry.legalName();
        };
    }

    /** True when this request asked the directory and it could not answer. */
    public boolean unavailable() {
        return unavailable;
    }
}
