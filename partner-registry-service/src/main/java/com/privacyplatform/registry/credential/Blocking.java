package com.privacyplatform.registry.credential;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Keycloak's admin client is blocking: its calls run on a worker thread, and the result comes back
 * on the caller's Vert.x context, where the reactive Hibernate session of the request lives. The
 * admin client bean is request-scoped: the worker runs the call in a request context of its own
 * (also for event handlers, which have none).
 */
final class Blocking {

    private Blocking() {
    }

    static <T> Uni<T> call(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> onWorker = Uni.createFrom().item(() -> inRequestContext(work))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? onWorker : onWorker.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private static <T> T inRequestContext(Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            return work.get();
        }
        requestContext.activate();
        try {
            return work.get();
        } finally {
            requestContext.terminate();
        }
    }
}
