package com.privacyplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.gateway.guard.PartnerControls;
import com.privacyplatform.gateway.guard.Restriction;
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
}
