package com.privacyplatform.breach.support;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Runs a scheduled scan as the scheduler would, on a Vert.x context, and waits for it. */
public final class Scans {

    private Scans() {
    }

    public static int run(Supplier<Uni<Integer>> scan) {
        try {
            return VertxContextSupport.subscribeAndAwait(scan);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
