package com.privacyplatform.breach.support;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Supplier;

/** Mutiny helpers for work on one reactive session, which must never run concurrently. */
public final class Unis {

    private Unis() {
    }

    /** Runs the steps one after the other. */
    public static Uni<Void> sequentially(List<Supplier<Uni<?>>> steps) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<?>> step : steps) {
            chain = chain.chain(() -> step.get().replaceWithVoid());
        }
        return chain;
    }
}
