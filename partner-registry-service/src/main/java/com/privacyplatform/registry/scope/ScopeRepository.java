package com.privacyplatform.registry.scope;

import com.privacyplatform.api.events.PartnerEvents.ScopeItem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

@ApplicationScoped
public class ScopeRepository implements PanacheRepositoryBase<ScopeEntry, ScopeEntry.Key> {

    /** The partner's scope grouped by purpose, both sorted: a stable shape for views and events. */
    public Uni<List<ScopeItem>> scopeOf(UUID partnerId) {
        return list("key.partnerId", partnerId).map(ScopeRepository::group);
    }

    /** Replaces the whole scope in the current transaction. */
    public Uni<Void> replace(UUID partnerId, Collection<ScopeEntry> entries) {
        return delete("key.partnerId", partnerId)
                .chain(() -> Panache.getSession())
                .chain(session -> session.persistAll(entries.toArray()).chain(session::flush));
    }

    public static List<ScopeItem> group(List<ScopeEntry> entries) {
        Map<String, TreeSet<String>> byPurpose = new TreeMap<>();
        for (ScopeEntry e : entries) {
            byPurpose.computeIfAbsent(e.key.purpose, p -> new TreeSet<>()).add(e.key.category);
        }
        List<ScopeItem> items = new ArrayList<>();
        byPurpose.forEach((purpose, categories) -> items.add(new ScopeItem(purpose, List.copyOf(categories))));
        return items;
    }
}
