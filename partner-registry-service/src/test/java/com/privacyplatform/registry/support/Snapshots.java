package com.privacyplatform.registry.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads {@code GET /partner-snapshots} page by page, as a bootstrapping service does. */
public final class Snapshots {

    private Snapshots() {
    }

    /** The partner's snapshot, or null when no page holds it. */
    public static Map<String, Object> of(UUID partnerId) {
        String cursor = null;
        do {
            var request = given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/partner-snapshots").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (partnerId.toString().equals(item.get("partnerId"))) {
                    return item;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return null;
    }
}
