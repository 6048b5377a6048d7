package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.PARTNER_B;
import static com.privacyplatform.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's restrictions projection (3.4.j, 4.6) - bootstrapped from the registry's and
 * breach-service's snapshots at start, then kept by events - holds exactly what the services hold:
 * every partner's status and every active emergency order.
 */
class GatewayProjectionTest {

    @BeforeAll
    static void twoActivePartners() {
        Platform.ensureActive("partner-demo-a", PARTNER_A, "CN");
        Platform.ensureActive("partner-demo-b", PARTNER_B, "SG");
    }

    @Test
    void theGatewaysProjectionMatchesTheRegistryAndBreachService() {
        String officer = Platform.officer();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath gateway = as(officer).get("/api/gateway/restrictions").then().statusCode(200).extract().jsonPath();
            assertThat(gateway.getBoolean("synced")).isTrue();
            Map<String, String> held = statuses(gateway.getList("partners"));
            Map<String, String> registry = registryStatuses(officer);
            assertThat(registry).containsAllEntriesOf(held);
            // a partner still PENDING since its onboarding has produced no event the gateway consumes
            registry.forEach((id, status) -> assertThat(held.get(id)).as("status of partner %s", id)
                    .isIn("PENDING".equals(status) ? new Object[] {null, "PENDING"} : new Object[] {status}));
            assertThat(new TreeSet<>(gateway.<String>getList("activeOrders.orderId")))
                    .isEqualTo(activeOrders(officer));
            // 3.5.d: terminated partners whose deletion work is complete, shut out entirely
            assertThat(new TreeSet<>(gateway.<String>getList("dischargedPartners.partnerId")))
                    .isEqualTo(dischargedInRegistry(officer));
        });
    }

    @Test
    void onlyOversightMayReadIt() {
        as(Platform.partnerA()).get("/api/gateway/restrictions").then().statusCode(403);
        Platform.anonymous().get("/api/gateway/restrictions").then().statusCode(401);
    }

    private static Map<String, String> statuses(List<Map<String, String>> items) {
        Map<String, String> map = new TreeMap<>();
        items.forEach(i -> map.put(i.get("partnerId"), i.get("status")));
        return map;
    }

    private static Map<String, String> registryStatuses(String officer) {
        return statuses(registrySnapshots(officer));
    }

    /** Partners whose termination's deletion work the registry knows to be complete (3.5.d). */
    private static TreeSet<String> dischargedInRegistry(String officer) {
        TreeSet<String> all = new TreeSet<>();
        registrySnapshots(officer).stream().filter(i -> i.get("terminationDeletionCompletedAt") != null)
                .forEach(i -> all.add(i.get("partnerId")));
        return all;
    }

    private static List<Map<String, String>> registrySnapshots(String officer) {
        List<Map<String, String>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as(officer).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/partner-snapshots").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static TreeSet<String> activeOrders(String officer) {
        TreeSet<String> all = new TreeSet<>();
        String cursor = null;
        do {
            var request = as(officer).queryParam("limit", 500).queryParam("active", true);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/emergency-orders").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }
}
