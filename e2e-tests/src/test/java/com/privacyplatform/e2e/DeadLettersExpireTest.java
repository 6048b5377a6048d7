package com.privacyplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter queues the running services declared on the broker carry a message TTL shorter
 * than the inbox horizon (docs/data-stores.md): redeclaring each one with exactly the TTL its
 * service configures succeeds only when the broker's queue has that argument (else
 * PRECONDITION_FAILED closes the channel).
 */
class DeadLettersExpireTest {

    /** platform-commons' inbox horizon, platform.retention.inbox (P30D). */
    private static final long INBOX_HORIZON_MS = 30L * 24 * 60 * 60 * 1000;
    private static final Pattern TTL = Pattern.compile("^(?:%[\\w,]*\\.)?mp\\.messaging\\.incoming\\.([\\w-]+)\\.dead-letter-ttl$");

    @Test
    void everyServicesDeadLetterQueueOnTheBrokerExpiresItsMessagesBeforeTheInboxHorizon() throws Exception {
        Map<String, Long> ttls = deadLetterTtls();
        assertThat(ttls).as("dead-letter queues the services declare").hasSizeGreaterThanOrEqualTo(6);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("localhost");
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost(System.getProperty("e2e.vhost", "e2e"));
        try (Connection connection = factory.newConnection("e2e-dead-letter-probe")) {
            for (Map.Entry<String, Long> dlq : ttls.entrySet()) {
                assertThat(dlq.getValue()).as(dlq.getKey()).isLessThan(INBOX_HORIZON_MS);
                try (Channel channel = connection.createChannel()) {
                    channel.queueDeclarePassive(dlq.getKey()); // declared by its service, not by this test
                    channel.queueDeclare(dlq.getKey(), true, false, false, Map.of("x-message-ttl", dlq.getValue()));
                }
            }
        }
    }

    /** dead-letter queue -> TTL, from every service's application.properties (prod profile). */
    private static Map<String, Long> deadLetterTtls() throws IOException {
        Map<String, Long> ttls = new LinkedHashMap<>();
        for (String module : modules()) {
            Path file = ReadmeWalkthrough.ROOT.resolve(module).resolve("src/main/resources/application.properties");
            if (!Files.exists(file)) {
                continue;
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            for (String key : p.stringPropertyNames()) {
                Matcher m = TTL.matcher(key);
                if (m.matches() && (!key.startsWith("%") || key.substring(1, key.indexOf('.')).contains("prod"))) {
                    String channel = m.group(1);
                    String queue = p.getProperty("mp.messaging.incoming." + channel + ".queue.name", channel);
                    ttls.put(queue + ".dlq", Long.valueOf(p.getProperty(key).strip()));
                }
            }
        }
        return ttls;
    }

    private static List<String> modules() throws IOException {
        List<String> modules = new ArrayList<>();
        for (String line : Files.readAllLines(ReadmeWalkthrough.ROOT.resolve("infra/services.conf"))) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                modules.add(trimmed.split("\\s+")[0]);
            }
        }
        return modules;
    }
}
