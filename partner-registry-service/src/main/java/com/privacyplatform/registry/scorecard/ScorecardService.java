package com.privacyplatform.registry.scorecard;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.assessment.FindingRepository;
import com.privacyplatform.registry.assessment.FindingTally;
import com.privacyplatform.registry.inspection.InspectionDue;
import com.privacyplatform.registry.inspection.InspectionDueQueries;
import com.privacyplatform.registry.partner.PartnerService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 4.6: scorecards computed on read from the registry's own facts, so they are never stale. The
 * list computes every open partner's card from two aggregate queries and pages in memory, which
 * is fine for thousands of partners. Breach and request counters come from {@link ScorecardFeed}.
 */
@ApplicationScoped
public class ScorecardService {

    /** Highest risk first, then partner id. */
    static final Comparator<ScorecardView> ORDER = Comparator
            .comparing((ScorecardView v) -> v.riskLevel().ordinal()).reversed()
            .thenComparing(v -> v.partnerId().toString());

    private final PartnerService partners;
    private final InspectionDueQueries inspections;
    private final FindingRepository findings;
    private final ScorecardFeedCounts fed;
    private final PlatformClock clock;

    public ScorecardService(PartnerService partners, InspectionDueQueries inspections, FindingRepository findings,
            ScorecardFeedCounts fed, PlatformClock clock) {
        this.partners = partners;
        this.inspections = inspections;
        this.findings = findings;
        this.fed = fed;
        this.clock = clock;
    }

    /** One partner's card; 404 when the caller may not see the partner. */
    @Enforces("4.6")
    public Uni<ScorecardView> of(UUID partnerId) {
        LocalDate today = clock.today();
        return partners.load(partnerId).chain(p -> inspections.of(p.id))
                .chain(due -> findings.tally(due.partnerId(), today).chain(tallies -> fed.of(due.partnerId())
                        .map(counts -> card(due, tallies.isEmpty() ? FindingTally.none(due.partnerId()) : tallies.get(0),
                                ScorecardFeedCounts.or(counts, due.partnerId()), today))));
    }

    /** Cards of partners that are not TERMINATED, highest risk first, then by partner id. */
    @Enforces("4.6")
    public Uni<Page<ScorecardView>> list(RiskLevel riskLevel, ScorecardCursor after, int limit) {
        LocalDate today = clock.today();
        return inspections.ofOpenPartners().chain(dues -> findings.tally(null, today).chain(tallies -> fed.of(null)
                .map(counts -> {
            Map<UUID, FindingTally> byPartner = tallies.stream()
                    .collect(Collectors.toMap(FindingTally::partnerId, Function.identity()));
            List<ScorecardView> cards = dues.stream()
                    .map(d -> card(d, byPartner.getOrDefault(d.partnerId(), FindingTally.none(d.partnerId())),
                            ScorecardFeedCounts.or(counts, d.partnerId()), today))
                    .filter(v -> riskLevel == null || v.riskLevel() == riskLevel)
                    .filter(v -> after == null || after.precedes(v))
                    .sorted(ORDER)
                    .limit(limit + 1L)
                    .toList();
            return Cursors.page(cards, limit, ScorecardCursor::key);
        })));
    }

    private ScorecardView card(InspectionDue due, FindingTally tally, ScorecardFeedCounts.Counts counts,
            LocalDate today) {
        ScorecardInputs in = ScorecardInputs.of(due, tally, counts, today);
        RiskRules.Risk risk = RiskRules.assess(in);
        return new ScorecardView(due.partnerId(), due.legalName(), due.partnerStatus(), risk.level(), risk.reasons(),
                due.applies() ? due.dueOn() : null, due.lastPeriodEnd(), due.daysOverdue(today), tally.open(),
                tally.overdue(), tally.overdueMaterial(), tally.overdueCritical(), in.openBreaches(),
                in.lateBreachReports(), in.overdueRequests(), clock.instant());
    }
}
