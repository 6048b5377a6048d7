package com.privacyplatform.api.transport;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * What becomes of a request body that is refused before it was read (411, 413: the API's problem+json,
 * the privacy center's page): the answer says {@code Connection: close}, the rest of the body is read
 * and dropped - a client or browser that sends its whole body before reading would otherwise see the
 * connection reset instead of the answer - and the connection closes when the body ends, after
 * {@value #DRAIN_BYTES} bytes or after {@value #DRAIN_MILLIS} ms, whichever comes first. An HTTP/2
 * stream just ends; its connection serves other streams.
 */
public final class RefusedBody {

    /** How much of a refused body is read and dropped at most, and for how long, before the connection closes. */
    public static final long DRAIN_BYTES = 16L * 1024 * 1024;
    public static final long DRAIN_MILLIS = 10_000;

    private RefusedBody() {
    }

    /** Call before the answer is written ({@code request.response()} not ended). */
    public static void drainThenClose(Vertx vertx, HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return;
        }
        request.response().putHeader("Connection", "close");
        Runnable close = () -> request.connection().close();
        boolean[] done = {false, request.isEnded()}; // answer written, body ended
        Runnable closeWhenDone = () -> {
            if (done[0] && done[1]) {
                close.run();
            }
        };
        request.response().endHandler(v -> {
            done[0] = true;
            closeWhenDone.run();
        });
        if (done[1]) {
            return;
        }
        long timer = vertx.setTimer(DRAIN_MILLIS, id -> close.run());
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > DRAIN_BYTES) {
                vertx.cancelTimer(timer);
                close.run();
            }
        });
        request.endHandler(v -> {
            vertx.cancelTimer(timer);
            done[1] = true;
            closeWhenDone.run();
        });
        request.resume();
    }
}
