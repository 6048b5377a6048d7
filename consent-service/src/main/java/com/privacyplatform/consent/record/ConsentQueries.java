package com.privacyplatform.consent.record;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.consent.record.ConsentRepository.ConsentFilter;
import com.privacyplatform.consent.record.ConsentViews.HistoryView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.UUID;

/**
 * Reading consents with the caller's visibility (3.4.f): a subject their own (across partners), a
 * partner its own subjects' consents, officers and auditors all. Another tenant's consent is 404.
 */
@RequestScoped
public class ConsentQueries {

    private final ConsentRepository consents;
    private final Caller caller;

    public ConsentQueries(ConsentRepository consents, Caller caller) {
        this.consents = consents;
        this.caller = caller;
    }

    @Enforces("3.4.f")
    public Uni<Consent> load(UUID id) {
        return consents.findById(id).invoke(c -> caller.requireVisible(c != null
                && caller.maySeeSubjectObject(c.subjectId, c.partnerId), "consent"));
    }

    @Enforces("3.4.f")
    public Uni<Page<Consent>> list(String subjectId, String partnerId, String purpose, String state, Integer limit,
            String cursor) {
        int size = Cursors.limit(limit);
        UUID after = Cursors.decodeUuid(cursor);
        ConsentFilter filter = new ConsentFilter(QueryParams.text(subjectId), QueryParams.uuid("partnerId", partnerId),
                QueryParams.text(purpose), QueryParams.enumOf("state", state, ConsentState.class),
                caller.isOversight() || !caller.isDataSubject() ? null : caller.subject(),
                caller.isOversight() || !caller.isPartner() ? null : caller.requirePartnerId());
        return consents.page(filter, after, size + 1).map(list -> Cursors.page(list, size, c -> c.id.toString()));
    }

    public Uni<List<HistoryView>> history(UUID id, ConsentViewMapper views) {
        return load(id).chain(c -> consents.history(c.id).map(entries -> views.history(c, entries)));
    }
}
