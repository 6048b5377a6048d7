package com.privacyplatform.commons.deadletters;

import com.privacyplatform.testing.TestBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The test app's consumer with the production queue arguments (quorum queue, failure-strategy
 * requeue, x-delivery-limit 3, dead-letter queue with its TTL), as every service's
 * application.properties declares them outside the test profile, on a private virtual host that
 * is created fresh for the run: nothing else on the shared broker sees its messages. Back-off is
 * shortened (0.3 s, doubling) so that four deliveries take seconds, not minutes. Logs are JSON
 * lines, as in production, and traces are exported to {@link OtlpSink} (ProdLogLinesTest).
 */
public class ProdQueuesProfile implements QuarkusTestProfile {

    static final String VHOST = "commons-prod-failure-path";
    static final String QUEUE = "commons-prod.widget-events";
    static final String DLQ = QUEUE + ".dlq";

    @Override
    public Map<String, String> getConfigOverrides() {
        String channel = "mp.messaging.incoming.widget-events.";
        return Map.ofEntries(
                Map.entry("mp.messaging.connector.smallrye-rabbitmq.virtual-host", VHOST),
                Map.entry(channel + "queue.name", QUEUE),
                Map.entry(channel + "queue.x-queue-type", "quorum"),
                Map.entry(channel + "queue.x-delivery-limit", "3"),
                Map.entry(channel + "failure-strategy", "requeue"),
                Map.entry(channel + "auto-bind-dlq", "true"),
                Map.entry(channel + "dlx.declare", "true"),
                Map.entry(channel + "dead-letter-ttl", "1209600000"),
                Map.entry(channel + "max-outstanding-messages", "20"),
                Map.entry("platform.events.retry.initial-backoff", "300MS"),
                Map.entry("platform.events.retry.multiplier", "2"),
                Map.entry("platform.events.retry.max-backoff", "5S"),
                // production logs: JSON lines with the trace ids (ProdLogLinesTest reads the file copy)
                Map.entry("quarkus.log.console.json.enabled", "true"),
                Map.entry("quarkus.log.file.enabled", "true"),
                Map.entry("quarkus.log.file.path", ProdLogLinesTest.LOG_FILE.toString()),
                Map.entry("quarkus.log.file.json.enabled", "true"),
                Map.entry("quarkus.otel.bsp.schedule.delay", "100ms"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PrivateVirtualHost.class), new TestResourceEntry(OtlpSink.class));
    }

    /** Creates the private virtual host before the application connects, deletes it afterwards. */
    public static class PrivateVirtualHost implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            try {
                TestBroker.freshVirtualHost(VHOST);
            } catch (Exception e) {
                throw new IllegalStateException("could not create the virtual host " + VHOST, e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
            try {
                TestBroker.deleteVirtualHost(VHOST);
            } catch (Exception e) {
                // left for the next run's freshVirtualHost
            }
        }
    }
}
