package com.privacyplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.testing.Scrape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every metric that an alert (k8s/components/monitoring/prometheus-rules.yaml) or a dashboard panel
 * (dashboards/privacy-platform.json) names is one the running services export (issue 17.3): a
 * scrape of every service's management port of infra/services.conf after the journeys ran (so that
 * the counters of HTTP requests and of consumed events exist). The only names from elsewhere are
 * {@link #NOT_OURS}.
 */
@Order(Integer.MAX_VALUE - 1)
class MonitoringNamesTest {

    /** Series that Prometheus itself ({@code up}) and kube-state-metrics provide, not the services. */
    static final Set<String> NOT_OURS = Set.of("up", "kube_deployment_status_replicas_unavailable");

    private static final Path ROOT = ReadmeWalkthrough.ROOT;
    private static final Path MONITORING = ROOT.resolve("k8s/components/monitoring");
    private static final Pattern RULE_EXPR = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE);
    private static final Pattern PANEL_EXPR = Pattern.compile("\"expr\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    @Test
    void everyMetricTheAlertsAndTheDashboardNameIsExportedByTheRunningServices() throws IOException {
        Map<String, Scrape> scrapes = scrapes();
        Set<String> exported = new TreeSet<>();
        scrapes.values().forEach(s -> s.samples().forEach(sample -> exported.add(sample.name())));

        Set<String> named = new TreeSet<>();
        expressions(Files.readString(MONITORING.resolve("prometheus-rules.yaml")), RULE_EXPR, false)
                .forEach(e -> named.addAll(metricNames(e)));
        int rules = named.size();
        expressions(Files.readString(MONITORING.resolve("dashboards/privacy-platform.json")), PANEL_EXPR, true)
                .forEach(e -> named.addAll(metricNames(e)));
        assertThat(rules).isGreaterThan(5);

        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(exported);
        missing.removeAll(NOT_OURS);
        assertThat(missing).as("named by an alert or panel but exported by no service (exported: %s)", exported)
                .isEmpty();
    }

    /** The metric names of a PromQL expression: identifiers that are no function, keyword or label. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // label values
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // label lists
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String token = m.group();
            boolean call = s.substring(m.end()).stripLeading().startsWith("(");
            if (!call && !KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    private static Iterable<String> expressions(String text, Pattern pattern, boolean json) {
        java.util.List<String> found = new java.util.ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(json ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(1).strip());
        }
        return found;
    }

    /** A scrape of each service's management port (infra/services.conf). */
    private static Map<String, Scrape> scrapes() {
        Map<String, Scrape> scrapes = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(ROOT.resolve("infra/services.conf"), StandardCharsets.UTF_8)) {
                String content = line.replaceAll("#.*", "").strip();
                if (!content.isEmpty()) {
                    String[] fields = content.split("\\s+");
                    String body = given().get("http://localhost:" + fields[2] + "/q/metrics").then().statusCode(200)
                            .extract().asString();
                    scrapes.put(fields[0], new Scrape(body));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(scrapes).hasSizeGreaterThanOrEqualTo(6);
        return scrapes;
    }
}
