package com.privacyplatform.commons.db;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Around every {@code @WithSession} method (the services' reads), outside Panache's session: a read
 * cut off by a lost connection is run once more on a fresh session, hence a fresh pooled
 * connection; when that fails too, or the method entered a transaction, the answer is a 503
 * {@code database-unavailable} (see {@link TransactionGuard} for writes).
 */
@WithSession
@Interceptor
@Priority(RequestGuard.OUTSIDE_PANACHE)
public class ReadRetry {

    @AroundInvoke
    Object guard(InvocationContext invocation) throws Exception {
        if (!Uni.class.equals(invocation.getMethod().getReturnType())) {
            return invocation.proceed();
        }
        return RequestGuard.run(invocation, false);
    }
}
