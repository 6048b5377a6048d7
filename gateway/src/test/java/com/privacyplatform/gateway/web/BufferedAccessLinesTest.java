package com.privacyplatform.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.json.runtime.JsonFormatter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.AsyncHandler;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

/**
 * The access lines' buffer: what the console would print, line for line and in order, written when
 * full or flushed, in writes that never exceed a pipe's atomic size unless one line does.
 */
class BufferedAccessLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every write the handler makes, as it made it. */
    static final class Writes extends OutputStream {
        final List<String> writes = new ArrayList<>();

        @Override
        public void write(int b) {
            throw new AssertionError("single bytes are never written");
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }

        String all() {
            return String.join("", writes);
        }
    }

    private static ExtLogRecord access(int i) {
        ExtLogRecord record = AccessLog.record("POST", "/api/consents/check", 200, i, 157, "req-buffered-" + i, "partner",
                "2b9ab027-cb68-523d-81ec-293ae3eaf63b");
        record.setLoggerName(AccessLog.LOGGER);
        return record;
    }

    @Test
    void linesWaitInTheBufferUntilFlushedAndThenAppearAsTheConsoleFormatsThem() throws Exception {
        Writes out = new Writes();
        JsonFormatter prod = new JsonFormatter();
        BufferedAccessLines lines = new BufferedAccessLines(prod, out, 32768);
        ExtLogRecord first = access(1);
        ExtLogRecord second = access(2);
        lines.publish(first);
        lines.publish(second);
        assertThat(out.writes).isEmpty();

        lines.flush();
        assertThat(out.all()).isEqualTo(prod.format(first) + prod.format(second));
        String[] written = out.all().split("\n");
        assertThat(written).hasSize(2);
        JsonNode line = JSON.readTree(written[1]);
        assertThat(line.get("loggerName").asText()).isEqualTo("gateway.access");
        assertThat(line.get("mdc").get("correlationId").asText()).isEqualTo("req-buffered-2");

        lines.flush();
        assertThat(out.writes).hasSize(1); // nothing new, nothing written
    }

    @Test
    void aFullBufferIsWrittenBeforeTheNextLineInPiecesOfWholeLinesNoLongerThanAPipesAtomicWrite() {
        Writes out = new Writes();
        Formatter plain = new PatternFormatter("%s%n");
        BufferedAccessLines lines = new BufferedAccessLines(plain, out, 16384);
        StringBuilder expected = new StringBuilder();
        int n = 0;
        while (out.writes.isEmpty()) {
            ExtLogRecord record = access(n++);
            expected.append(plain.format(record));
            lines.publish(record);
        }
        assertThat(String.join("", out.writes).length()).isLessThanOrEqualTo(16384);
        lines.flush();
        assertThat(out.all()).isEqualTo(expected.toString());
        assertThat(out.writes).allSatisfy(write -> {
            assertThat(write.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(BufferedAccessLines.PIPE_BUF);
            assertThat(write).endsWith("\n");
        });
    }

    @Test
    void aLineLongerThanTheBufferIsWrittenWholeAfterWhatWasBufferedBeforeIt() {
        Writes out = new Writes();
        BufferedAccessLines lines = new BufferedAccessLines(new PatternFormatter("%s%n"), out, 4096);
        lines.publish(access(1));
        ExtLogRecord huge = new ExtLogRecord(java.util.logging.Level.INFO, "x".repeat(10_000),
                ExtLogRecord.FormatStyle.NO_FORMAT, AccessLog.class.getName());
        lines.publish(huge);
        assertThat(out.writes).hasSize(2);
        assertThat(out.writes.get(0)).startsWith("POST /api/consents/check 200 1 ms").endsWith("\n");
        assertThat(out.writes.get(1)).isEqualTo("x".repeat(10_000) + "\n");
    }

    @Test
    void piecesEndAtTheLastLineEndWithinAPipesAtomicWrite() {
        byte[] bytes = ("a".repeat(3000) + "\n" + "b".repeat(2000) + "\n" + "c".repeat(5000) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        int first = BufferedAccessLines.pieceEnd(bytes, 0, bytes.length);
        assertThat(first).isEqualTo(3001);
        int second = BufferedAccessLines.pieceEnd(bytes, first, bytes.length);
        assertThat(second).isEqualTo(5002); // "b...\n" alone: with the c line it would exceed 4096
        assertThat(BufferedAccessLines.pieceEnd(bytes, second, bytes.length)).isEqualTo(bytes.length);
        byte[] small = "x\ny\n".getBytes(StandardCharsets.UTF_8);
        assertThat(BufferedAccessLines.pieceEnd(small, 0, small.length)).isEqualTo(small.length);
    }

    @Test
    void theConsolesFormatterIsFoundInsideQuarkusWrappingHandlersAndNoneWithoutAConsole() {
        ConsoleHandler console = new ConsoleHandler(new JsonFormatter());
        AsyncHandler async = new AsyncHandler();
        async.addHandler(console);
        Handler other = new Handler() {
            @Override
            public void publish(LogRecord record) {
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        assertThat(BufferedAccessLines.consoleFormatter(new Handler[] {other, async})).isSameAs(console.getFormatter());
        assertThat(BufferedAccessLines.consoleFormatter(new Handler[] {other})).isNull();
    }
}
