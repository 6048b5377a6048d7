package com.privacyplatform.gateway.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * The access lines' own console handler (issue 19): each line formatted by the console's own
 * formatter - the production profile's JSON line, the readable pattern elsewhere, exactly as the
 * console would print it - and collected in a buffer that is written to the standard output when it
 * is full and every flush interval ({@link AccessLog}), like nginx's {@code access_log ... buffer=
 * flush=}. Written through the console handler, every line was one {@code write} system call and a
 * flush on the event loop: ~5 % of the gateway's CPU per request, the formatting and the handler
 * chain as much again.
 *
 * <p>The buffer goes out in pieces of at most {@link #PIPE_BUF} bytes that end at a line's end: on a
 * pipe (a container's standard output) a write of up to that size is never interleaved with another
 * writer's, so a line of the console handler (the service's other log lines) never lands inside an
 * access line. A line longer than that is written whole, on its own.
 */
final class BufferedAccessLines extends ExtHandler {

    /** POSIX' guarantee for atomic writes to a pipe (Linux: 4096 bytes). */
    static final int PIPE_BUF = 4096;

    private final OutputStream out;
    private final byte[] buffer;
    private int size;

    BufferedAccessLines(Formatter formatter, OutputStream out, int capacity) {
        this.out = out;
        this.buffer = new byte[Math.max(capacity, PIPE_BUF)];
        setFormatter(formatter);
    }

    @Override
    protected void doPublish(ExtLogRecord record) {
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("the access line could not be formatted", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            if (size + bytes.length > buffer.length) {
                writeBuffered();
            }
            if (bytes.length > buffer.length) {
                write(bytes, 0, bytes.length);
                return;
            }
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }
    }

    /** Writes what is buffered (the flush interval, a full buffer, the end of the application). */
    @Override
    public void flush() {
        synchronized (this) {
            writeBuffered();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void writeBuffered() {
        int from = 0;
        while (from < size) {
            int end = pieceEnd(buffer, from, size);
            write(buffer, from, end - from);
            from = end;
        }
        size = 0;
    }

    /**
     * Where the piece that starts at {@code from} ends: after the last line end within {@link #PIPE_BUF}
     * bytes, or after the first line end beyond it when a single line is longer, or at {@code size}.
     */
    static int pieceEnd(byte[] bytes, int from, int size) {
        if (size - from <= PIPE_BUF) {
            return size;
        }
        for (int i = from + PIPE_BUF - 1; i >= from; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        for (int i = from + PIPE_BUF; i < size; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return size;
    }

    private void write(byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            reportError("access lines could not be written to the standard output", e, ErrorManager.WRITE_FAILURE);
        }
    }

    /**
     * The formatter of the console handler among the given handlers (Quarkus wraps its handlers in
     * delayed and possibly asynchronous handlers), or {@code null} when the console is off.
     */
    static Formatter consoleFormatter(Handler[] handlers) {
        Deque<Handler> open = new ArrayDeque<>(Arrays.asList(handlers));
        while (!open.isEmpty()) {
            Handler handler = open.poll();
            if (handler instanceof ConsoleHandler console) {
                return console.getFormatter();
            }
            if (handler instanceof ExtHandler nested) {
                open.addAll(Arrays.asList(nested.getHandlers()));
            }
        }
        return null;
    }
}
