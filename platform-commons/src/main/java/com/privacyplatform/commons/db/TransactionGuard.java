package com.privacyplatform.commons.db;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Around every {@code @WithTransaction} method of every service, outside Panache's transaction: a
 * lost connection becomes a 503 {@code database-unavailable} whose detail says whether the outcome
 * is unknown (the connection went at or after COMMIT) or nothing changed. Never retried.
 */
@WithTransaction
@Interceptor
@Priority(RequestGuard.OUTSIDE_PANACHE)
public class TransactionGuard {

    @AroundInvoke
    Object guard(InvocationContext invocation) throws Exception {
        if (!Uni.class.equals(invocation.getMethod().getReturnType())) {
            return invocation.proceed();
        }
        return RequestGuard.run(invocation, true);
    }

    /**
     * Inside Panache's transaction: marks the moment the method's work has completed, after which
     * Hibernate flushes and sends COMMIT - from then on a lost connection leaves the outcome unknown.
     */
    @WithTransaction
    @Interceptor
    @Priority(RequestGuard.INSIDE_PANACHE)
    public static class CommitMark {

        @AroundInvoke
        Object mark(InvocationContext invocation) throws Exception {
            if (!Uni.class.equals(invocation.getMethod().getReturnType())) {
                return invocation.proceed();
            }
            return Uni.createFrom().deferred(() -> {
                RequestGuard guard = RequestGuard.current();
                Uni<Object> work = RequestGuard.proceed(invocation);
                return guard == null ? work : work.invoke(guard::committing);
            });
        }
    }
}
