package com.privacyplatform.commons.db;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

/**
 * What the outermost {@code @WithSession} / {@code @WithTransaction} method of a request has done
 * so far, kept in the request's Vert.x context: whether a transaction was entered, and whether a
 * transaction's work completed (so its flush and COMMIT were under way). Nested methods only add
 * to it; the outermost one turns a lost connection into {@link DatabaseUnavailableException}.
 */
final class RequestGuard {

    private static final Logger LOG = Logger.getLogger(RequestGuard.class);
    private static final String KEY = RequestGuard.class.getName();

    /** Interceptor priorities around Quarkus' own (both at PLATFORM_BEFORE + 200). */
    static final int OUTSIDE_PANACHE = jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE + 150;
    static final int INSIDE_PANACHE = jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE + 250;

    private boolean wrote;
    private boolean committing;
    private boolean retried;

    /** The current request's guard, or null outside a guarded method (or outside Vert.x). */
    static RequestGuard current() {
        Context context = Vertx.currentContext();
        return context == null ? null : context.getLocal(KEY);
    }

    void wrote() {
        wrote = true;
    }

    void committing() {
        committing = true;
    }

    boolean mayRetry() {
        return !wrote && !retried;
    }

    DatabaseUnavailableException.Outcome outcome() {
        return committing ? DatabaseUnavailableException.Outcome.UNKNOWN : DatabaseUnavailableException.Outcome.NOT_APPLIED;
    }

    /**
     * Runs the intercepted method; the outermost guarded method of a request (subscribed lazily, like
     * Panache's own) owns the guard and answers a lost connection with {@link DatabaseUnavailableException}.
     * A read - a {@code @WithSession} method during which no transaction was entered - is tried once more,
     * on a fresh session and so a fresh connection; a write never is (its client retries with its key).
     */
    static <T> Uni<T> run(InvocationContext invocation, boolean write) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            RequestGuard existing = context == null ? null : context.getLocal(KEY);
            if (context == null || existing != null) {
                if (write && existing != null) {
                    existing.wrote();
                }
                return proceed(invocation);
            }
            RequestGuard guard = new RequestGuard();
            if (write) {
                guard.wrote();
            }
            context.putLocal(KEY, guard);
            Uni<T> first = proceed(invocation);
            return first
                    .onFailure(e -> guard.mayRetry() && ConnectionLoss.is(e)).recoverWithUni(e -> {
                        guard.retried = true;
                        LOG.warnf("database connection lost during a read (%s); retrying once on a fresh connection",
                                ConnectionLoss.summary(e));
                        // not from inside the failing connection's close handling, which would still lend it out
                        return nextTick(context).chain(() -> RequestGuard.<T>proceed(invocation));
                    })
                    .onFailure(e -> !(e instanceof DatabaseUnavailableException) && ConnectionLoss.is(e))
                    .transform(e -> ConnectionLoss.answer(guard.outcome(), e))
                    .eventually(() -> context.removeLocal(KEY));
        });
    }

    /** Completes on the context's next event-loop turn (same duplicated context, same locals). */
    private static Uni<Void> nextTick(Context context) {
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> emitter.complete(null)));
    }

    @SuppressWarnings("unchecked")
    static <T> Uni<T> proceed(InvocationContext invocation) {
        try {
            return (Uni<T>) invocation.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }
}
