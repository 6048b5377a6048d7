package com.privacyplatform.commons.db;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a burst of NOTIFYs into one run: the first NOTIFY schedules {@code action} after
 * {@code linger}, and the NOTIFYs arriving until then join that run. The outbox relay and the
 * audit chainer use it so that under load one run handles many commits (one transaction for all
 * of them) instead of one transaction per commit; a zero linger runs the action at once.
 */
public final class NotifyLinger implements Runnable {

    private final Vertx vertx;
    private final long lingerMillis;
    private final Runnable action;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public NotifyLinger(Vertx vertx, Duration linger, Runnable action) {
        this.vertx = vertx;
        this.lingerMillis = linger.toMillis();
        this.action = action;
    }

    @Override
    public void run() {
        if (lingerMillis <= 0) {
            action.run();
        } else if (scheduled.compareAndSet(false, true)) {
            vertx.setTimer(lingerMillis, id -> {
                scheduled.set(false);
                action.run();
            });
        }
    }
}
