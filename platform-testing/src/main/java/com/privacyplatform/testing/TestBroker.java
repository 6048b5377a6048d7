package com.privacyplatform.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A plain AMQP client and the broker's own control tool, for tests that look at or disturb the broker. */
public final class TestBroker implements AutoCloseable {

    public static final String EXCHANGE = "privacy.events";

    private final Connection connection;
    private final Channel channel;

    public TestBroker() throws IOException, TimeoutException {
        this("/");
    }

    /** A client of the virtual host {@code vhost} (see {@link #freshVirtualHost}). */
    public TestBroker(String vhost) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setVirtualHost(vhost);
        factory.setHost("localhost");
        factory.setUsername("guest");
        factory.setPassword("guest");
        this.connection = factory.newConnection("commons-test-probe");
        this.channel = connection.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true);
    }

    /** A server-named, exclusive queue bound to the routing key pattern. */
    public String tap(String bindingKey) throws IOException {
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, EXCHANGE, bindingKey);
        return queue;
    }

    public GetResponse next(String queue, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return response;
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** Puts a message straight into {@code queue} (default exchange), e.g. a stand-in dead letter. */
    public void publishToQueue(String queue, byte[] body) throws IOException {
        channel.basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2).build(), body);
    }

    public void publish(String routingKey, byte[] body) throws IOException {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/cloudevents+json").deliveryMode(2).build();
        channel.basicPublish(EXCHANGE, routingKey, props, body);
    }

    public long messageCount(String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    @Override
    public void close() throws IOException, TimeoutException {
        if (connection.isOpen()) {
            connection.close();
        }
    }

    /** Stops the RabbitMQ application (connections drop, the node stays), as in a broker outage. */
    public static void stopBroker() throws IOException, InterruptedException {
        rabbitmqctl("stop_app");
    }

    public static void startBroker() throws IOException, InterruptedException {
        rabbitmqctl("start_app");
        rabbitmqctl("await_startup");
    }

    /**
     * A private, empty virtual host for one test class (as {@code ./platform}'s end-to-end phase makes
     * its own): deleted if it exists, created, and opened to guest. Nothing another test or a running
     * service does on the broker reaches it.
     */
    public static void freshVirtualHost(String vhost) throws IOException, InterruptedException {
        try {
            rabbitmqctl("-q", "delete_vhost", vhost);
        } catch (IllegalStateException absent) {
            // not there yet
        }
        rabbitmqctl("-q", "add_vhost", vhost);
        rabbitmqctl("-q", "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
    }

    public static void deleteVirtualHost(String vhost) throws IOException, InterruptedException {
        rabbitmqctl("-q", "delete_vhost", vhost);
    }

    /** Runs {@code rabbitmqctl} with these arguments on the local node; its output, or fails with it. */
    public static String rabbitmqctl(String... command) throws IOException, InterruptedException {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("rabbitmqctl"));
        line.addAll(java.util.List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()); // read first: a full pipe would block it
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + out);
        }
        return out;
    }
}
