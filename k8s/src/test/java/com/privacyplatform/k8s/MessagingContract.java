package com.privacyplatform.k8s;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The broker topology agrees with the services' own subscriptions (ServiceConfig, prod profile):
 * every mp.messaging.incoming channel has its declared Queue with the same type and arguments (else
 * the service's declaration fails with PRECONDITION_FAILED), exactly its routing keys bound from its
 * exchange, its dead-letter queue bound from its dead-letter exchange, and its service's Permission
 * lets it declare, bind and consume them - while no Permission reaches another service's queues and
 * no consumer queue is declared that no service consumes. Every dead-letter queue has a message TTL
 * (the channel's dead-letter-ttl, the Queue's x-message-ttl) shorter than the inbox horizon, so no
 * dead letter can be replayed after its id left the consumer's inbox (docs/data-stores.md).
 */
final class MessagingContract {

    /** platform-commons' default inbox horizon (platform.retention.inbox, P30D) in milliseconds. */
    static final long INBOX_HORIZON_MS = 30L * 24 * 60 * 60 * 1000;

    private MessagingContract() {
    }

    static List<String> check(List<K8sObject> objects, Collection<ServiceConfig> services) {
        List<String> violations = new ArrayList<>();
        Map<String, K8sObject> queues = new LinkedHashMap<>();
        Map<String, K8sObject> exchanges = new LinkedHashMap<>();
        objects.stream().filter(o -> o.is("Queue") && o.group().equals("rabbitmq.com")).forEach(o -> queues.put(o.string("spec", "name"), o));
        objects.stream().filter(o -> o.is("Exchange") && o.group().equals("rabbitmq.com")).forEach(o -> exchanges.put(o.string("spec", "name"), o));
        List<K8sObject> bindings = objects.stream().filter(o -> o.is("Binding") && o.group().equals("rabbitmq.com")).toList();
        Map<String, K8sObject> permissions = new LinkedHashMap<>();
        objects.stream().filter(o -> o.is("Permission")).forEach(o -> permissions.put(o.string("spec", "userReference", "name"), o));

        Map<String, String> queueOwner = new LinkedHashMap<>();
        Map<String, String> userOf = new LinkedHashMap<>();
        for (ServiceConfig service : services) {
            String user = brokerUser(objects, service.service());
            for (ServiceConfig.Channel c : service.incomingChannels()) {
                queueOwner.put(c.queue(), user == null ? service.service() : user);
                if (c.autoBindDlq()) {
                    queueOwner.put(c.deadLetterQueue(), user == null ? service.service() : user);
                }
                userOf.put(c.queue(), user);
                channel(c, queues, exchanges, bindings, violations);
                if (user == null) {
                    violations.add(service.service() + " consumes " + c.queue() + " (channel " + c.name()
                            + ") but its Deployment takes no RabbitMQ user from a <user>-user-credentials Secret");
                } else {
                    permission(c, user, permissions.get(user), violations);
                }
            }
        }
        for (Map.Entry<String, K8sObject> q : queues.entrySet()) {
            if (!queueOwner.containsKey(q.getKey())) {
                violations.add(q.getValue().id() + ": queue " + q.getKey() + " is no service's subscription (mp.messaging.incoming.*)");
            }
        }
        for (Map.Entry<String, K8sObject> p : permissions.entrySet()) {
            for (Map.Entry<String, String> q : queueOwner.entrySet()) {
                if (q.getValue().equals(p.getKey())) {
                    continue;
                }
                for (String what : List.of("configure", "write", "read")) {
                    if (matches(p.getValue().string("spec", "permissions", what), q.getKey())) {
                        violations.add(p.getValue().id() + ": " + what + " permission reaches queue " + q.getKey()
                                + " of " + q.getValue() + " (least privilege)");
                    }
                }
            }
        }
        return violations;
    }

    /** The RabbitMQ User a service's Deployment connects as (RABBITMQ_USERNAME from <user>-user-credentials). */
    static String brokerUser(List<K8sObject> objects, String service) {
        for (K8sObject d : objects.stream().filter(o -> o.is("Deployment") && o.name().equals(service)).toList()) {
            for (Object c : d.list("spec", "template", "spec", "containers")) {
                for (Object e : Nodes.list(Nodes.at(c, "env"))) {
                    Object secret = Nodes.at(e, "valueFrom", "secretKeyRef", "name");
                    if ("RABBITMQ_USERNAME".equals(Nodes.at(e, "name")) && secret != null && secret.toString().endsWith("-user-credentials")) {
                        return secret.toString().substring(0, secret.toString().length() - "-user-credentials".length());
                    }
                }
            }
        }
        return null;
    }

    private static void channel(ServiceConfig.Channel c, Map<String, K8sObject> queues, Map<String, K8sObject> exchanges,
            List<K8sObject> bindings, List<String> violations) {
        String where = c.service() + " channel " + c.name() + " (queue " + c.queue() + ")";
        K8sObject exchange = exchanges.get(c.exchange());
        if (exchange == null) {
            violations.add(where + ": exchange " + c.exchange() + " is not declared");
        } else if (!c.exchangeType().equals(exchange.string("spec", "type"))) {
            violations.add(where + ": exchange " + c.exchange() + " is " + exchange.string("spec", "type") + ", the service declares "
                    + c.exchangeType());
        }
        K8sObject queue = queues.get(c.queue());
        if (queue == null) {
            violations.add(where + ": no Queue " + c.queue() + " is declared");
            return;
        }
        String type = queue.string("spec", "type") == null ? "classic" : queue.string("spec", "type");
        if (!c.queueType().equals(type)) {
            violations.add(where + ": Queue type is " + type + ", the service declares " + c.queueType());
        }
        Map<String, Object> args = queue.map("spec", "arguments");
        Object limit = args.get("x-delivery-limit");
        if (!Objects.equals(c.deliveryLimit(), limit instanceof Number n ? Integer.valueOf(n.intValue()) : limit)) {
            violations.add(where + ": x-delivery-limit is " + limit + ", the service declares " + c.deliveryLimit());
        }
        Object dlx = args.get("x-dead-letter-exchange");
        Object dlxKey = args.get("x-dead-letter-routing-key");
        if (c.autoBindDlq()) {
            if (!c.deadLetterExchange().equals(dlx) || !c.deadLetterRoutingKey().equals(dlxKey)) {
                violations.add(where + ": dead-letter arguments are " + dlx + "/" + dlxKey + ", the service declares "
                        + c.deadLetterExchange() + "/" + c.deadLetterRoutingKey());
            }
            deadLetterTtl(where, c, queues.get(c.deadLetterQueue()), violations);
            boolean dlqBound = bindings.stream().anyMatch(b -> c.deadLetterExchange().equals(b.string("spec", "source"))
                    && c.deadLetterQueue().equals(b.string("spec", "destination")) && c.deadLetterRoutingKey().equals(b.string("spec", "routingKey")));
            if (!dlqBound) {
                violations.add(where + ": no Binding " + c.deadLetterExchange() + " -> " + c.deadLetterQueue() + " with routing key "
                        + c.deadLetterRoutingKey());
            }
        } else if (dlx != null || dlxKey != null) {
            violations.add(where + ": the Queue has dead-letter arguments the service does not declare (auto-bind-dlq is off)");
        }
        Set<String> bound = new TreeSet<>();
        bindings.stream().filter(b -> c.exchange().equals(b.string("spec", "source")) && c.queue().equals(b.string("spec", "destination"))
                && !"exchange".equals(b.string("spec", "destinationType"))).forEach(b -> bound.add(String.valueOf(b.string("spec", "routingKey"))));
        Set<String> wanted = new TreeSet<>(c.routingKeys());
        for (String key : wanted) {
            if (!bound.contains(key)) {
                violations.add(where + ": routing key " + key + " is not bound from " + c.exchange());
            }
        }
        for (String key : bound) {
            if (!wanted.contains(key)) {
                violations.add(where + ": routing key " + key + " is bound from " + c.exchange() + " but is not in the service's routing-keys");
            }
        }
    }

    private static void deadLetterTtl(String where, ServiceConfig.Channel c, K8sObject dlq, List<String> violations) {
        if (c.deadLetterTtl() == null) {
            violations.add(where + ": no dead-letter-ttl: dead letters would outlive the inbox horizon");
        } else if (c.deadLetterTtl() >= INBOX_HORIZON_MS) {
            violations.add(where + ": dead-letter-ttl " + c.deadLetterTtl() + " ms is not shorter than the inbox horizon ("
                    + INBOX_HORIZON_MS + " ms)");
        }
        if (dlq == null) {
            violations.add(where + ": no dead-letter Queue " + c.deadLetterQueue() + " is declared");
            return;
        }
        Map<String, Object> args = dlq.map("spec", "arguments");
        Object ttl = args == null ? null : args.get("x-message-ttl");
        Long declared = ttl instanceof Number n ? Long.valueOf(n.longValue()) : null;
        if (!Objects.equals(c.deadLetterTtl(), declared)) {
            violations.add(where + ": dead-letter Queue " + c.deadLetterQueue() + " has x-message-ttl " + ttl
                    + ", the service declares " + c.deadLetterTtl());
        }
    }

    /**
     * What the connector does as the service's user: declare and bind its queues, consume one; and
     * what its dead-letter tool does (platform-commons' DeadLetters): read its dead-letter queue
     * (basic.get) and replay to the failed queue through the default exchange (write on amq.default).
     */
    private static void permission(ServiceConfig.Channel c, String user, K8sObject permission, List<String> violations) {
        if (permission == null) {
            violations.add(c.service() + ": no Permission for its RabbitMQ user " + user);
            return;
        }
        Set<String> configure = new LinkedHashSet<>(List.of(c.queue(), c.exchange()));
        Set<String> write = new LinkedHashSet<>(List.of(c.queue()));
        Set<String> read = new LinkedHashSet<>(List.of(c.queue(), c.exchange()));
        if (c.autoBindDlq()) {
            configure.addAll(List.of(c.deadLetterQueue(), c.deadLetterExchange()));
            write.add(c.deadLetterQueue());
            write.add("amq.default");
            read.add(c.deadLetterExchange());
            read.add(c.deadLetterQueue());
        }
        Map<String, Set<String>> needs = Map.of("configure", configure, "write", write, "read", read);
        needs.forEach((what, names) -> {
            String regex = permission.string("spec", "permissions", what);
            for (String name : names) {
                if (!matches(regex, name)) {
                    violations.add(permission.id() + ": " + what + " permission " + regex + " does not allow " + name + ", which "
                            + c.service() + "'s channel " + c.name() + " needs");
                }
            }
        });
    }

    private static boolean matches(String regex, String name) {
        return regex != null && Pattern.compile(regex).matcher(name).find();
    }
}
