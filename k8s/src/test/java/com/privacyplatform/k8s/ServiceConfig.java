package com.privacyplatform.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's own configuration (src/main/resources/application.properties) as the cluster runs it:
 * the properties of the prod profile (unprefixed ones, overridden by those whose profile list
 * names prod, e.g. %prod or %dev,prod). From it: the environment variables it reads and its
 * RabbitMQ subscriptions (mp.messaging.incoming.*), with the SmallRye RabbitMQ connector's
 * defaults (4.33: queue and exchange named after the channel, routing key #, dead-letter
 * exchange DLX, dead-letter queue <queue>.dlq, dead-letter routing key = queue name).
 */
record ServiceConfig(String service, Map<String, String> properties) {

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern INCOMING = Pattern.compile("^mp\\.messaging\\.incoming\\.([^.]+)\\.connector$");

    /** One subscription of a service: what its connector declares and consumes on start. */
    record Channel(String service, String name, String queue, String exchange, String exchangeType, List<String> routingKeys,
            String queueType, Integer deliveryLimit, boolean autoBindDlq, String deadLetterExchange, String deadLetterRoutingKey,
            String deadLetterQueue, Long deadLetterTtl) {
    }

    static Path file(String service) {
        return ModulePaths.repository().resolve(service).resolve("src/main/resources/application.properties");
    }

    /** The service's configuration, or null when its module is not in this repository (yet). */
    static ServiceConfig of(String service) {
        Path file = file(service);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return parse(service, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prod-profile view of an application.properties text. */
    static ServiceConfig parse(String service, String text) {
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> base = new TreeMap<>();
        Map<String, String> prod = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            String value = raw.getProperty(key);
            if (!key.startsWith("%")) {
                base.put(key, value);
                continue;
            }
            int dot = key.indexOf('.');
            if (dot < 0) {
                continue;
            }
            List<String> profiles = Arrays.asList(key.substring(1, dot).split(","));
            if (profiles.contains("prod")) {
                prod.put(key.substring(dot + 1), value);
            }
        }
        base.putAll(prod);
        return new ServiceConfig(service, base);
    }

    /** The environment variables the prod configuration reads (${VAR} or ${VAR:default}). */
    Set<String> environmentVariables() {
        Set<String> vars = new LinkedHashSet<>();
        for (String value : properties.values()) {
            Matcher m = ENV.matcher(value);
            while (m.find()) {
                vars.add(m.group(1));
            }
        }
        return vars;
    }

    /** The service's RabbitMQ subscriptions. */
    List<Channel> incomingChannels() {
        List<Channel> channels = new ArrayList<>();
        for (String key : properties.keySet()) {
            Matcher m = INCOMING.matcher(key);
            if (!m.matches() || !"smallrye-rabbitmq".equals(properties.get(key))) {
                continue;
            }
            String ch = m.group(1);
            String queue = get(ch, "queue.name", ch);
            List<String> keys = Arrays.stream(get(ch, "routing-keys", "#").split(",")).map(String::trim)
                    .filter(k -> !k.isEmpty()).toList();
            String limit = get(ch, "queue.x-delivery-limit", "");
            String ttl = get(ch, "dead-letter-ttl", "");
            channels.add(new Channel(service, ch, queue, get(ch, "exchange.name", ch), get(ch, "exchange.type", "topic"), keys,
                    get(ch, "queue.x-queue-type", "classic"), limit.isBlank() ? null : Integer.valueOf(limit.trim()),
                    Boolean.parseBoolean(get(ch, "auto-bind-dlq", "false")), get(ch, "dead-letter-exchange", "DLX"),
                    get(ch, "dead-letter-routing-key", queue), get(ch, "dead-letter-queue-name", queue + ".dlq"),
                    ttl.isBlank() ? null : Long.valueOf(ttl.trim())));
        }
        return channels;
    }

    private String get(String channel, String attribute, String fallback) {
        String v = properties.get("mp.messaging.incoming." + channel + "." + attribute);
        return v == null ? fallback : v;
    }

    /** The configuration of every service with a committed manifest whose module is in this repository. */
    static Map<String, ServiceConfig> all() {
        Map<String, ServiceConfig> out = new LinkedHashMap<>();
        for (String service : ModulePaths.generatedServices()) {
            ServiceConfig config = of(service);
            if (config != null) {
                out.put(service, config);
            }
        }
        return out;
    }
}
