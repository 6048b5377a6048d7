import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A small OTLP/HTTP receiver for the end-to-end phase (docs/tracing.md "The trace test"): every
 * service exports its spans to it, and it keeps each export request's body - an
 * ExportTraceServiceRequest in protobuf - as one file, untouched, for the e2e tests to decode and
 * search. It accepts POST on any path ({@code /v1/traces}), gunzips a gzip body, answers 200 with an
 * empty ExportTraceServiceResponse (zero bytes of protobuf), and anything else with 405. It listens on
 * 127.0.0.1 only. Started by {@code ./platform} before the services and stopped after them.
 *
 * <pre>java infra/otlp-receiver/OtlpReceiver.java PORT DIRECTORY</pre>
 *
 * With {@code -} as the directory it keeps nothing: it reads and answers every export, as a collector
 * would, and counts them (the gateway benchmark, whose services trace as in production).
 *
 * Plain JDK (a single-file source program): it runs before any Maven build of the e2e tests.
 */
public final class OtlpReceiver {

    private OtlpReceiver() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java OtlpReceiver.java PORT DIRECTORY");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path directory = "-".equals(args[1]) ? null : Files.createDirectories(Path.of(args[1]));
        AtomicLong sequence = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = read(exchange);
                // written under a temporary name, then renamed: readers never see half a request
                String name = String.format("%012d.otlp", sequence.incrementAndGet());
                if (directory != null) {
                    Path partial = directory.resolve(name + ".part");
                    Files.write(partial, body);
                    Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        System.out.println("OTLP/HTTP receiver on http://127.0.0.1:" + port + ", "
                + (directory == null ? "keeping nothing" : "writing to " + directory));
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        try (InputStream body = in) {
            return body.readAllBytes();
        }
    }
}
