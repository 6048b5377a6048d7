package com.privacyplatform.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.gateway.EchoUpstream;
import com.privacyplatform.gateway.routing.RouteTable;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollEventLoop;
import io.netty.channel.epoll.EpollSocketChannel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a request is forwarded on a connection of the event loop that received it - each backend
 * has a client per event loop - so that no forwarded request or answer changes threads. Against the
 * echo upstream, over the gateway's own Vert.x event loops.
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class BackendProxiesLoopTest {

    @Inject
    BackendProxies proxies;
    @Inject
    RouteTable routes;
    @Inject
    Vertx vertx;

    @Test
    void eachEventLoopForwardsOnConnectionsOfItsOwnEvenWhenAnotherLoopsConnectionIsIdleInThePool() throws Exception {
        RouteTable.Backend registry = routes.apiBackends().get("registry");
        List<EventLoop> loops = loops();
        assertThat(loops).hasSizeGreaterThan(1);
        // twice round the loops: from the second round on, every other loop's connection is idle in its
        // pool; a client shared by the loops would hand out the one used last to the next loop
        for (int round = 0; round < 2; round++) {
            for (EventLoop loop : loops) {
                assertThat(connection(registry, loop).eventLoop()).as("round %d", round).isSameAs(loop);
            }
        }
    }

    @Test
    void theGatewaysConnectionsRunOnNettysEpollTransport() throws Exception {
        assertThat(vertx.isNativeTransportEnabled()).as("quarkus.vertx.prefer-native-transport").isTrue();
        EventLoop loop = loops().get(0);
        assertThat(loop).isInstanceOf(EpollEventLoop.class);
        assertThat(connection(routes.apiBackends().get("registry"), loop)).isInstanceOf(EpollSocketChannel.class);
    }

    @Test
    void aBackendHasOneProxyPerEventLoop() {
        RouteTable.Backend registry = routes.apiBackends().get("registry");
        RouteTable.Backend consent = routes.apiBackends().get("consent");
        List<EventLoop> loops = loops();
        EventLoop first = loops.get(0);
        EventLoop second = loops.get(1);
        assertThat(proxies.on(registry, first)).isSameAs(proxies.on(registry, first));
        assertThat(proxies.handler(registry, first)).isSameAs(proxies.on(registry, first).handler());
        assertThat(proxies.on(registry, first).client()).isNotSameAs(proxies.on(registry, second).client());
        assertThat(proxies.on(registry, first).client()).isNotSameAs(proxies.on(consent, first).client());
    }

    private List<EventLoop> loops() {
        List<EventLoop> loops = new ArrayList<>();
        ((VertxInternal) vertx).getEventLoopGroup().forEach(executor -> loops.add((EventLoop) executor));
        return loops;
    }

    /** Sends a request through the backend's client of {@code loop}, from that loop: the channel it went out on. */
    private Channel connection(RouteTable.Backend backend, EventLoop loop) throws Exception {
        var client = proxies.on(backend, loop).client();
        ContextInternal context = ((VertxInternal) vertx).createEventLoopContext(loop, null,
                Thread.currentThread().getContextClassLoader());
        CompletableFuture<Channel> used = new CompletableFuture<>();
        context.runOnContext(v -> client.request(HttpMethod.GET, backend.port(), backend.host(), "/partners/42")
                .compose(request -> request.send().compose(response -> response.body().map(body -> request)))
                .onSuccess(request -> used.complete(((ConnectionBase) request.connection()).channel()))
                .onFailure(used::completeExceptionally));
        return used.get(10, TimeUnit.SECONDS);
    }
}
