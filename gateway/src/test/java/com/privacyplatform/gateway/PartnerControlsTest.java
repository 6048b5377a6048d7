package com.privacyplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.gateway.guard.PartnerControls;
import com.privacyplatform.gateway.guard.Restriction;
import com.privacyplatform.gateway.routing.PartnerRoutes.Use;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory projection's rules: fail closed until loaded, updates commute. */
class PartnerControlsTest {

    private static final UUID P = UUID.randomUUID();
    private static final Instant T = Instant.parse("2026-11-26T01:00:00Z");

    @Test
    void untilBothSnapshotsWereLoadedPartnerRequestsGet503() {
        PartnerControls controls = new PartnerControls(Set.of("registry", "breach"));
        assertThat(controls.verdict(P, T)).isInstanceOfSatisfying(PartnerControls.Block.class,
                b -> assertThat(b.status()).isEqualTo(503));
        controls.synced("registry");
        assertThat(controls.verdict(P, T)).isInstanceOf(PartnerControls.Block.class);
        controls.synced("breach");
        assertThat(controls.verdict(P, T)).isInstanceOf(PartnerControls.Allow.class);
    }

    @Test
    void anOlderStatusNeverReplacesANewerOne() {
        PartnerControls controls = new PartnerControls();
        controls.status(P, "SUSPENDED", T);
        controls.status(P, "ACTIVE", T.minusSeconds(1));
        assertThat(controls.verdict(P, T)).isInstanceOfSatisfying(PartnerControls.Block.class,
                b -> assertThat(b.status()).isEqualTo(403));
        controls.status(P, "ACTIVE", T.plusSeconds(1));
        assertThat(controls.verdict(P, T)).isInstanceOf(PartnerControls.Allow.class);
    }

    @Test
    void anEndedOrderNeverComesBackWhateverTheOrder() {
        PartnerControls controls = new PartnerControls();
        UUID order = UUID.randomUUID();
        Restriction closure = new Restriction(order, Restriction.Kind.TEMPORARY_CLOSURE, null, null, null, null);
        controls.restore(P, order);
        controls.restrict(P, closure);
        assertThat(controls.verdict(P, T)).isInstanceOf(PartnerControls.Allow.class);
        UUID other = UUID.randomUUID();
        controls.restrict(P, new Restriction(other, Restriction.Kind.TEMPORARY_CLOSURE, null, null, null, null));
        assertThat(controls.verdict(P, T)).isInstanceOf(PartnerControls.Block.class);
        controls.restore(P, other);
        controls.restrict(P, new Restriction(other, Restriction.Kind.TEMPORARY_CLOSURE, null, null, null, null));
        assertThat(controls.verdict(P, T)).isInstanceOf(PartnerControls.Allow.class);
        assertThat(controls.activeOrders()).isEmpty();
    }

    @Test
    void aSuspendedOrClosedPartnerKeepsItsDutyRoutesAndStillGetsThrottled() {
        PartnerControls controls = new PartnerControls();
        controls.status(P, "SUSPENDED", T);
        assertThat(controls.verdict(P, T, Use.DATA)).isInstanceOf(PartnerControls.Block.class);
        assertThat(controls.verdict(P, T, Use.DUTY)).isInstanceOf(PartnerControls.Allow.class);
        controls.status(P, "ACTIVE", T.plusSeconds(1));
        Restriction closure = new Restriction(UUID.randomUUID(), Restriction.Kind.TEMPORARY_CLOSURE, null, null, null,
                null);
        Restriction restraint = new Restriction(UUID.randomUUID(), Restriction.Kind.FLOW_RESTRAINT, 1, null, null, null);
        controls.restrict(P, closure);
        controls.restrict(P, restraint);
        assertThat(controls.verdict(P, T, Use.DATA)).isInstanceOfSatisfying(PartnerControls.Block.class,
                b -> assertThat(b.slug()).isEqualTo("interface-closed"));
        assertThat(controls.verdict(P, T, Use.DUTY)).isInstanceOfSatisfying(PartnerControls.Allow.class,
                a -> assertThat(a.throttles()).containsExactly(restraint));
    }

    @Test
    void aTerminatedPartnerLosesItsDutyRoutesOnlyWhenItsDeletionWorkIsComplete() {
        PartnerControls controls = new PartnerControls();
        UUID other = UUID.randomUUID();
        controls.discharged(P, T.minusSeconds(5)); // may arrive before the termination itself
        controls.status(other, "TERMINATED", T);
        assertThat(controls.verdict(other, T, Use.DUTY)).isInstanceOf(PartnerControls.Allow.class);
        assertThat(controls.verdict(other, T, Use.DATA)).isInstanceOfSatisfying(PartnerControls.Block.class,
                b -> assertThat(b.slug()).isEqualTo("partner-terminated"));
        assertThat(controls.verdict(P, T, Use.DUTY)).isInstanceOf(PartnerControls.Allow.class);
        controls.status(P, "TERMINATED", T);
        assertThat(controls.verdict(P, T, Use.DUTY)).isInstanceOfSatisfying(PartnerControls.Block.class,
                b -> assertThat(b.clause()).isEqualTo("3.5.d"));
        controls.discharged(P, T.plusSeconds(5)); // a repeat keeps the first time
        assertThat(controls.dischargedPartners()).containsEntry(P, T.minusSeconds(5));
    }
}
