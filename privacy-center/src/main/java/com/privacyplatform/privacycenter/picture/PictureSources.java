package com.privacyplatform.privacycenter.picture;

import com.privacyplatform.privacycenter.backend.Calls;
import com.privacyplatform.privacycenter.backend.ConsentApi;
import com.privacyplatform.privacycenter.backend.ConsentViews.Consent;
import com.privacyplatform.privacycenter.backend.ConsentViews.ConsentPage;
import com.privacyplatform.privacycenter.backend.DsrApi;
import com.privacyplatform.privacycenter.backend.RequestViews.Attestation;
import com.privacyplatform.privacycenter.backend.RequestViews.Request;
import com.privacyplatform.privacycenter.backend.RequestViews.RequestPage;
import com.privacyplatform.privacycenter.backend.RequestViews.RequestSummary;
import com.privacyplatform.privacycenter.session.Me;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Everything the services hold about the signed-in person, read with their own token (each service
 * authorizes again): their consents (with the signed receipts when asked), their requests with each
 * partner's task, and the deletion attestations of their deletion requests.
 */
@RequestScoped
public class PictureSources {

    /** Keyset pages of 500 read at most; a person with more sees the first ones and a note. */
    static final int MAX_PAGES = 20;

    /** What was read; {@code truncated} when a list had more pages than read. */
    public record Gathered(List<Consent> consents, Map<UUID, String> receipts, List<Request> requests,
            Map<UUID, List<Attestation>> attestations, boolean truncated) {
    }

    private final ConsentApi consents;
    private final DsrApi dsr;
    private final Me me;

    public PictureSources(@RestClient ConsentApi consents, @RestClient DsrApi dsr, Me me) {
        this.consents = consents;
        this.dsr = dsr;
        this.me = me;
    }

    /** @param withReceipts also fetch each consent's signed receipt (the download; the page only links them) */
    public Gathered gather(boolean withReceipts) {
        boolean truncated = false;
        List<Consent> mine = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String after = cursor;
            ConsentPage page = Calls.to(Calls.CONSENT, () -> consents.list(me.bearer(), me.subject(), 500, after));
            page.items().stream().filter(c -> me.owns(c.subjectId())).forEach(mine::add);
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < MAX_PAGES);
        truncated |= cursor != null;
        mine.sort(Comparator.comparing(Consent::partnerId).thenComparing(Consent::collectedAt,
                Comparator.nullsLast(Comparator.naturalOrder())));

        List<RequestSummary> summaries = new ArrayList<>();
        cursor = null;
        pages = 0;
        do {
            String after = cursor;
            RequestPage page = Calls.to(Calls.DSR, () -> dsr.list(me.bearer(), me.subject(), 500, after));
            page.items().stream().filter(r -> me.owns(r.subjectId())).forEach(summaries::add);
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < MAX_PAGES);
        truncated |= cursor != null;
        summaries.sort(Comparator.comparing(RequestSummary::submittedAt));
        List<Request> requests = summaries.stream().map(s -> Calls.to(Calls.DSR, () -> dsr.get(me.bearer(), s.id())))
                .toList();
        Map<UUID, List<Attestation>> attestations = requests.stream().filter(r -> "DELETION".equals(r.type()))
                .collect(Collectors.toMap(Request::id, r -> Calls.to(Calls.DSR, () -> dsr.attestations(me.bearer(),
                        r.id()))));
        Map<UUID, String> receipts = !withReceipts ? Map.of() : mine.stream().collect(Collectors.toMap(Consent::id,
                c -> Calls.to(Calls.CONSENT, () -> consents.receipt(me.bearer(), c.id()))));
        return new Gathered(mine, receipts, requests, attestations, truncated);
    }
}
