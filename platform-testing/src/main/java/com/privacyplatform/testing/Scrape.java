package com.privacyplatform.testing;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Prometheus text-format scrape of a service's {@code /q/metrics}, for assertions: the value of a
 * series, the names of the series, and the label values (to show that none is a personal value).
 */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]++|\\\\.)*+)\"");

    /** One sample line: metric name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Work to do before a scrape, such as refreshing the service's gauges (instead of waiting for their interval). */
    @FunctionalInterface
    public interface Refresh {
        void run() throws Throwable;
    }

    private final String text;
    private final List<Sample> samples = new ArrayList<>();

    public Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
    }

    /** The service's {@code /q/metrics} ({@code metrics}, on the management port) right after {@code refresh}. */
    public static Scrape of(URL metrics, Refresh refresh) {
        refreshed(refresh);
        return new Scrape(given().get(metrics).then().statusCode(200).extract().asString());
    }

    /** The same where the metrics are served on the API port, at {@code path}. */
    public static Scrape of(String path, Refresh refresh) {
        refreshed(refresh);
        return new Scrape(given().get(path).then().statusCode(200).extract().asString());
    }

    private static void refreshed(Refresh refresh) {
        try {
            refresh.run();
        } catch (Throwable e) {
            throw new IllegalStateException("the refresh before the scrape failed", e);
        }
    }

    /** How much the one series {@code name} grew from {@code before} to {@code after}. */
    public static double delta(Scrape before, Scrape after, String name) {
        return after.value(name) - before.value(name);
    }

    public String text() {
        return text;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The one series of {@code name} whose labels include {@code labels}; fails when there is none or several. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " series " + name + labels + " in the scrape");
        }
        return found.get(0).value();
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    /** Every label value of every series (where a personal value or an id must never appear). */
    public List<String> labelValues() {
        return samples.stream().flatMap(s -> s.labels().values().stream()).toList();
    }

    /** Label values that hold an id (a UUID) or an e-mail address: a label must name only technical things. */
    public List<String> personalLookingLabelValues() {
        Pattern personal = Pattern.compile("(?i).*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[^\\s@]+@[^\\s@]+\\.[a-z]+).*");
        return labelValues().stream().filter(v -> personal.matcher(v).matches()).toList();
    }

    /** Every label name of every series. */
    public List<String> labelNames() {
        return samples.stream().flatMap(s -> s.labels().keySet().stream()).distinct().toList();
    }
}
