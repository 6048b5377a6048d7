package com.privacyplatform.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Four stand-in services for the gateway's one-call audit verification, each answering
 * {@code GET /audit-records/verification} in the format of platform-commons' AuditResource (the
 * real services behind the gateway are exercised by the end-to-end suite). Like the real services
 * they refuse a request without a bearer token (401). What they answer depends on the scenario the
 * test names in its {@code X-Request-Id} (which the gateway forwards): {@code intact-...} - every
 * chain intact; {@code trouble-...} - registry intact, consent broken at record 7, dsr never answers,
 * breach drops the connection; {@code odd-...} - registry 500, consent an answer that is no
 * verification, dsr 403, breach intact.
 */
public class AuditUpstreams implements QuarkusTestResourceLifecycleManager {

    static final Map<String, Integer> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put("registry", 18082);
        PORTS.put("consent", 18083);
        PORTS.put("dsr", 18084);
        PORTS.put("breach", 18085);
    }

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new LinkedHashMap<>();
        PORTS.forEach((service, port) -> {
            try {
                vertx.createHttpServer().requestHandler(request -> answer(service, request)).listen(port)
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("audit upstream " + service + " could not listen on " + port, e);
            }
            config.put("gateway.backends." + service + ".url", "http://localhost:" + port);
        });
        return config;
    }

    private static void answer(String service, HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            request.response().setStatusCode(401).end();
            return;
        }
        if (!request.path().equals("/audit-records/verification")) {
            request.response().setStatusCode(404).end();
            return;
        }
        String scenario = String.valueOf(request.getHeader("X-Request-Id"));
        String behaviour = scenario.startsWith("intact-") ? "intact"
                : scenario.startsWith("trouble-") ? Map.of("registry", "intact", "consent", "broken", "dsr", "silent",
                        "breach", "drop").get(service)
                : scenario.startsWith("odd-") ? Map.of("registry", "500", "consent", "other", "dsr", "403",
                        "breach", "intact").get(service)
                : "500";
        var response = request.response().putHeader("Content-Type", "application/json");
        switch (behaviour) {
            case "intact" -> response.end(new JsonObject().put("valid", true).put("recordsChecked", 12)
                    .put("headSeq", 12).put("headHash", service + "-head").putNull("firstBrokenSeq").putNull("problem")
                    .encode());
            case "broken" -> response.end(new JsonObject().put("valid", false).put("recordsChecked", 6)
                    .put("headSeq", 12).put("headHash", service + "-head").put("firstBrokenSeq", 7)
                    .put("problem", "record 7 was altered: its content does not match its hash").encode());
            case "silent" -> {
                // never answers: the gateway's verification timeout decides
            }
            case "drop" -> request.connection().close();
            case "other" -> response.end("{\"hello\":\"world\"}");
            default -> response.setStatusCode(Integer.parseInt(behaviour)).end();
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
