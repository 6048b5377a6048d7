package com.privacyplatform.commons.deadletters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.privacyplatform.commons.events.BrokerFactory;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.Config;

/**
 * A short AMQP connection of the dead-letter tool (blocking client; run it on a worker thread).
 * Messages are taken with basic.get without acknowledgement: whatever this session does not
 * acknowledge goes back to its queue, in its order, when the session closes.
 */
final class BrokerSession implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final ObjectMapper mapper;

    private BrokerSession(Connection connection, Channel channel, ObjectMapper mapper) {
        this.connection = connection;
        this.channel = channel;
        this.mapper = mapper;
    }

    static BrokerSession open(Config config, ObjectMapper mapper) throws IOException, TimeoutException {
        ConnectionFactory factory = BrokerFactory.of(config);
        Connection connection = factory.newConnection("dead-letter-tool");
        try {
            return new BrokerSession(connection, connection.createChannel(), mapper);
        } catch (IOException e) {
            connection.abort();
            throw e;
        }
    }

    /** Whether {@code queue} exists; a missing one closes the channel, so ask on a channel of its own. */
    boolean exists(String queue) throws IOException {
        Channel probe = connection.createChannel();
        try {
            probe.queueDeclarePassive(queue);
            probe.close();
            return true;
        } catch (IOException e) {
            if (e.getCause() instanceof com.rabbitmq.client.ShutdownSignalException s && !s.isHardError()
                    && String.valueOf(s.getReason()).contains("404")) {
                return false;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
    }

    long messageCount(String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    /** Up to {@code limit} messages from the head of {@code queue}, held unacknowledged. */
    List<DeadLetter> take(String queue, int limit) throws IOException {
        List<DeadLetter> taken = new ArrayList<>();
        while (taken.size() < limit) {
            GetResponse response = channel.basicGet(queue, false);
            if (response == null) {
                break;
            }
            taken.add(DeadLetter.of(response, mapper));
        }
        return taken;
    }

    /** The first message of {@code queue} (within {@code limit}) whose key is {@code key}, held unacknowledged. */
    Optional<DeadLetter> find(String queue, String key, int limit) throws IOException {
        for (int i = 0; i < limit; i++) {
            GetResponse response = channel.basicGet(queue, false);
            if (response == null) {
                return Optional.empty();
            }
            DeadLetter letter = DeadLetter.of(response, mapper);
            if (letter.key().equals(key)) {
                return Optional.of(letter);
            }
        }
        return Optional.empty();
    }

    /**
     * Publishes a copy of {@code letter} to {@code queue} only, through the default exchange (routing
     * key = queue name), persistent, and waits for the broker's confirm. The delivery count of the
     * quorum queue starts again; {@code x-death} stays as the message's history.
     */
    void republish(DeadLetter letter, String queue, Instant at)
            throws IOException, InterruptedException, TimeoutException {
        channel.confirmSelect();
        Map<String, Object> headers = new HashMap<>();
        if (letter.properties().getHeaders() != null) {
            headers.putAll(letter.properties().getHeaders());
        }
        headers.remove("x-delivery-count");
        headers.put("x-replayed-at", at.toString());
        AMQP.BasicProperties props = letter.properties().builder().headers(headers).deliveryMode(2).build();
        channel.basicPublish("", queue, true, props, letter.body());
        channel.waitForConfirmsOrDie(5000);
    }

    void ack(DeadLetter letter) throws IOException {
        channel.basicAck(letter.deliveryTag(), false);
    }

    @Override
    public void close() {
        // closing the connection returns every unacknowledged message to its queue, in order
        connection.abort(5000);
    }
}
