package com.privacyplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.testing.Tokens;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operator's dead-letter tool on the running platform: a message consent-service cannot read is
 * dead-lettered after its queue's delivery limit, `./platform dlq list` shows it through the gateway,
 * an officer reads it (nothing of its body), `./platform dlq discard` drops it with a reason that
 * lands in consent-service's audit trail; an auditor is refused.
 */
class DeadLetterToolJourneyTest {

    private static final String QUEUE = "consent-service.dsr-events";

    @Test
    void anUnreadableMessageIsListedShownAndDiscardedWithItsReasonAudited() throws Exception {
        byte[] body = ("{not a cloud event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String id = "body-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        publish("dsr.revocation-requested", body);

        String officer = Platform.officer();
        String messages = "/api/services/consent/dead-letters/" + QUEUE + "/messages";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> Platform.as(officer)
                .get(messages + "/" + id).statusCode() == 200);
        Platform.as(officer).get(messages + "/" + id).then().statusCode(200)
                .body("readable", equalTo(false)).body("event", nullValue())
                .body("deaths[0].queue", equalTo(QUEUE));

        String list = platform(officer, "dlq", "list", "consent");
        assertThat(list).contains(QUEUE);

        Platform.as(Tokens.user("aaron")).get("/api/services/consent/dead-letters").then().statusCode(403);

        platform(officer, "dlq", "discard", QUEUE, id, "e2e: an unreadable test message");
        Platform.as(officer).get(messages + "/" + id).then().statusCode(404);
        Platform.as(officer).queryParam("targetType", "dead-letter").queryParam("targetId", id)
                .get("/api/audit/consent/audit-records").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].action", equalTo("dead-letter.discarded"));
    }

    private static void publish(String routingKey, byte[] body) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("localhost");
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost(System.getProperty("e2e.vhost", "e2e"));
        try (Connection connection = factory.newConnection("e2e-dead-letter-tool"); Channel channel = connection.createChannel()) {
            channel.basicPublish("privacy.events", routingKey,
                    new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").deliveryMode(2).build(), body);
        }
    }

    /** Runs {@code ./platform args...} at the repository root against the e2e gateway; its output. */
    private static String platform(String token, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("./platform"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ReadmeWalkthrough.ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("PLATFORM_GATEWAY_URL", Platform.GATEWAY);
        builder.environment().put("PLATFORM_DLQ_TOKEN", token);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
