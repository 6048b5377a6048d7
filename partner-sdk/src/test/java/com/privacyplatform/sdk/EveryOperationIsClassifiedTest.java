package com.privacyplatform.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.gateway.routing.PartnerRoutes;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 3.4.j, 3.5.d, 5.1: every operation of the platform's API - the combined OpenAPI this module is
 * generated from, i.e. every service's endpoints as the gateway routes them - is classified by the
 * gateway as a duty route or a data route ({@code PartnerRoutes}), and by exactly one kind of rule.
 * A new endpoint that nobody classified fails the build here instead of slipping through (at run
 * time it would be closed to a restricted partner, a duty it might be included).
 */
class EveryOperationIsClassifiedTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String SAMPLE_ID = "019ac2f1-5b7e-7d3a-9c41-2f0e8d1b6a55";

    @Test
    void everyOperationOfTheCombinedApiIsADutyOrADataRoute() throws Exception {
        JsonNode paths = document().path("paths");
        List<String> unclassified = new ArrayList<>();
        List<String> ambiguous = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            String apiPath = path.getKey().replaceFirst("^/api", "").replaceAll("\\{[^/}]+}", SAMPLE_ID);
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String name = method + " " + path.getKey();
                if (PartnerRoutes.rule(method, apiPath).isEmpty()) {
                    unclassified.add(name);
                }
                Set<PartnerRoutes.Use> uses = PartnerRoutes.rules().stream()
                        .filter(r -> r.methods().contains(method) && r.path().matcher(apiPath).matches())
                        .map(PartnerRoutes.Rule::use).collect(Collectors.toSet());
                if (uses.size() > 1) {
                    ambiguous.add(name);
                }
            }
        }
        assertThat(operations).as("operations in the combined OpenAPI").isGreaterThan(50);
        assertThat(unclassified).as("operations no rule of the gateway's PartnerRoutes classifies: add each as a"
                + " duty or a data route").isEmpty();
        assertThat(ambiguous).as("operations that rules of both kinds match").isEmpty();
    }

    @Test
    void theDutiesTheIssueNamesAreDutyRoutesInTheCombinedApi() throws Exception {
        JsonNode paths = document().path("paths");
        for (String[] duty : new String[][] {{"get", "/api/tasks"}, {"get", "/api/tasks/{id}"},
                {"post", "/api/tasks/{id}/claim"}, {"post", "/api/tasks/{id}/completion"},
                {"post", "/api/tasks/{id}/rejection"}, {"post", "/api/incidents/{id}/updates"},
                {"post", "/api/incidents"}, {"get", "/api/partners/{id}"}}) {
            assertThat(paths.path(duty[1]).has(duty[0])).as(duty[0] + " " + duty[1] + " in the document").isTrue();
            String apiPath = duty[1].replaceFirst("^/api", "").replaceAll("\\{[^/}]+}", SAMPLE_ID);
            assertThat(PartnerRoutes.use(duty[0], apiPath)).as(duty[1]).isEqualTo(PartnerRoutes.Use.DUTY);
        }
        assertThat(PartnerRoutes.use("POST", "/consents/check")).isEqualTo(PartnerRoutes.Use.DATA);
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = EveryOperationIsClassifiedTest.class
                .getResourceAsStream("/META-INF/privacy-platform/openapi.json")) {
            assertThat(in).as("the combined OpenAPI built into this module").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
