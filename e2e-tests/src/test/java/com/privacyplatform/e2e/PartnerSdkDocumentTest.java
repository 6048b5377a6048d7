package com.privacyplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The partner SDK was generated at build time from the services' stored OpenAPI documents, merged
 * by the gateway's own function; the running gateway merges the services' live documents. Both
 * must describe the same API: every path and operation the gateway serves is in the SDK.
 */
class PartnerSdkDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSdksDocumentHasEveryPathAndOperationTheGatewayServes() throws Exception {
        JsonNode served = JSON.readTree(Platform.anonymous().get("/api/openapi.json").then().statusCode(200)
                .extract().asByteArray());
        assertThat(served.has("x-unavailable")).as("every service answered the gateway").isFalse();
        JsonNode built;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/privacy-platform/openapi.json")) {
            assertThat(in).as("the SDK jar carries its document").isNotNull();
            built = JSON.readTree(in);
        }
        assertThat(operations(built)).isEqualTo(operations(served));
        assertThat(new TreeSet<>(iterable(built.path("components").path("schemas"))))
                .containsAll(iterable(served.path("components").path("schemas")));
    }

    private static Map<String, TreeSet<String>> operations(JsonNode doc) {
        Map<String, TreeSet<String>> ops = new TreeMap<>();
        doc.path("paths").fields().forEachRemaining(p -> ops.put(p.getKey(), new TreeSet<>(iterable(p.getValue()))));
        return ops;
    }

    private static TreeSet<String> iterable(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
