package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alerts and the dashboard of components/monitoring (issue 17.3), as prod renders them: every
 * rule and every dashboard query is valid PromQL for Prometheus' own checker ({@code promtool check
 * rules}, Debian's package {@code prometheus}; {@code ./platform test} installs it), every alert has
 * its section in the runbook docs/operations.md, and the dashboard reaches the Grafana sidecar. That
 * the metrics they name exist is checked against the running services by the end-to-end phase
 * (e2e-tests, MonitoringNamesTest).
 */
class MonitoringTest {

    private static final String OVERLAY = "prod";

    @Test
    void everyAlertRuleIsValidForPromtool() throws Exception {
        List<K8sObject> rules = RenderedValues.kind(Kustomize.overlay(OVERLAY), "PrometheusRule");
        assertThat(rules).isNotEmpty();
        for (K8sObject rule : rules) {
            assertThat(promtool(Map.of("groups", rule.list("spec", "groups")))).as(rule.id()).contains("SUCCESS");
        }
    }

    @Test
    void everyDashboardQueryIsValidPromqlForPromtool() throws Exception {
        List<Map<String, Object>> records = new ArrayList<>();
        List<String> exprs = dashboardExpressions();
        assertThat(exprs).hasSizeGreaterThan(10);
        for (int i = 0; i < exprs.size(); i++) {
            // a recording rule per query: promtool parses its expression like Prometheus would
            records.add(Map.of("record", "dashboard:query_" + i, "expr", exprs.get(i).replace("${datasource}", "")));
        }
        assertThat(promtool(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", records))))).contains("SUCCESS");
    }

    @Test
    void everyAlertHasItsSectionInTheRunbook() throws IOException {
        String runbook = Files.readString(ModulePaths.repository().resolve("docs/operations.md"));
        List<String> anchors = runbook.lines().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .toList();
        for (K8sObject rule : RenderedValues.kind(Kustomize.overlay(OVERLAY), "PrometheusRule")) {
            for (Object group : rule.list("spec", "groups")) {
                for (Object r : Nodes.list(Nodes.at(group, "rules"))) {
                    String alert = (String) Nodes.at(r, "alert");
                    String link = (String) Nodes.at(r, "annotations", "runbook");
                    assertThat(link).as(alert).isEqualTo("docs/operations.md#" + alert.toLowerCase(Locale.ROOT));
                    assertThat(anchors).as(alert + " in docs/operations.md").contains(alert.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    @Test
    void theDashboardIsAConfigMapForTheGrafanaSidecar() {
        K8sObject map = dashboardConfigMap();
        assertThat(map.labels()).containsEntry("grafana_dashboard", "1");
        Map<String, Object> dashboard = Yaml.readAll((String) map.map("data").get("privacy-platform.json")).get(0);
        assertThat(dashboard).containsEntry("uid", "privacy-platform");
    }

    /** Every {@code expr} of the dashboard's panels. */
    static List<String> dashboardExpressions() {
        Map<String, Object> dashboard = Yaml.readAll((String) dashboardConfigMap().map("data")
                .get("privacy-platform.json")).get(0);
        List<String> exprs = new ArrayList<>();
        for (Object panel : Nodes.list(dashboard.get("panels"))) {
            for (Object target : Nodes.list(Nodes.at(panel, "targets") == null ? List.of() : Nodes.at(panel, "targets"))) {
                exprs.add((String) Nodes.at(target, "expr"));
            }
        }
        return exprs;
    }

    private static K8sObject dashboardConfigMap() {
        return RenderedValues.kind(Kustomize.overlay(OVERLAY), "ConfigMap").stream()
                .filter(m -> m.name().equals("privacy-platform-dashboard")).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap privacy-platform-dashboard in " + OVERLAY));
    }

    /** Runs {@code promtool check rules} over the rule file; fails when promtool is not installed. */
    private static String promtool(Map<String, Object> ruleFile) throws IOException, InterruptedException {
        Path file = Files.createTempFile("rules", ".yaml");
        try {
            Files.writeString(file, Yaml.toYaml(new LinkedHashMap<>(ruleFile)));
            Process p;
            try {
                p = new ProcessBuilder("promtool", "check", "rules", file.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("promtool not found: install Debian's package prometheus"
                        + " (apt-get install --no-install-recommends prometheus; ./platform test does)", e);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("promtool did not finish within 60 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
