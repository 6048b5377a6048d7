package com.privacyplatform.registry.checkpoint;

import com.privacyplatform.commons.audit.CheckpointView;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.events.ReceivedEvent;
import com.privacyplatform.commons.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps every service's signed audit checkpoints (4.1, 1.8) outside the database of the service
 * that signed them, once each (inbox). The signatures are checked by the signing service when
 * it verifies its chain against this copy; here they are kept exactly as received.
 */
@ApplicationScoped
public class CheckpointKeeper {

    static final String CONSUMER = "partner-registry-service.audit-checkpoints";

    private final EventConsumer consumer;
    private final KeptCheckpointRepository kept;
    private final PlatformClock clock;

    public CheckpointKeeper(EventConsumer consumer, KeptCheckpointRepository kept, PlatformClock clock) {
        this.consumer = consumer;
        this.kept = kept;
        this.clock = clock;
    }

    @Incoming("audit-checkpoints")
    public Uni<Void> onEvent(Message<byte[]> message) {
        return consumer.consume(message, CONSUMER, this::keep);
    }

    @Enforces({"4.1", "1.8"})
    Uni<Void> keep(ReceivedEvent event) {
        if (!CheckpointView.EVENT_TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        CheckpointView checkpoint = event.data(CheckpointView.class);
        return kept.findById(checkpoint.id())
                .chain(existing -> existing != null ? Uni.createFrom().voidItem()
                        : kept.persist(KeptCheckpoint.of(checkpoint, clock.now())).replaceWithVoid());
    }
}
