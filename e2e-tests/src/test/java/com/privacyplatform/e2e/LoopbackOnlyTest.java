package com.privacyplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A local run (./platform up, and this end-to-end phase) listens on loopback only: its services carry
 * the demo realm's credentials and local secrets. Every port of infra/services.conf (HTTP and management) and the
 * gateway's HTTPS port are bound to loopback addresses alone ({@code ss -ltn}), and none of them
 * accepts a connection on the machine's other addresses. (Containers keep Quarkus' 0.0.0.0.)
 */
class LoopbackOnlyTest {

    private static final Path ROOT = ReadmeWalkthrough.ROOT;

    @Test
    void everyServicePortIsBoundToLoopbackAddressesOnly() throws Exception {
        List<String> listening = ss();
        for (int port : servicePorts()) {
            List<String> addresses = listening.stream().filter(local -> local.endsWith(":" + port))
                    .map(local -> local.substring(0, local.length() - (":" + port).length())).toList();
            assertThat(addresses).as("listening sockets on port %d (ss -Hltn: %s)", port, listening).isNotEmpty();
            for (String address : addresses) {
                assertThat(isLoopback(address)).as("port %d listens on %s", port, address).isTrue();
            }
        }
    }

    @Test
    void noServicePortAcceptsAConnectionOnTheMachinesOtherAddresses() throws Exception {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> !a.isLoopbackAddress() && !(a instanceof Inet6Address && a.isLinkLocalAddress()))
                        .forEach(others::add);
            }
        }
        for (InetAddress address : others) {
            for (int port : servicePorts()) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, port), 2000);
                    }
                }).as("connecting to %s port %d", address.getHostAddress(), port).isInstanceOf(IOException.class);
            }
        }
    }

    /**
     * The HTTP and management ports of infra/services.conf (health, metrics and OpenAPI are on the
     * management interface) and the gateway's HTTPS port (quarkus.http.ssl-port).
     */
    private static List<Integer> servicePorts() throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("infra/services.conf"), StandardCharsets.UTF_8)) {
            String content = line.replaceAll("#.*", "").strip();
            if (!content.isEmpty()) {
                String[] fields = content.split("\\s+");
                ports.add(Integer.parseInt(fields[1]));
                ports.add(Integer.parseInt(fields[2]));
            }
        }
        Properties gateway = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve("gateway/src/main/resources/application.properties"))) {
            gateway.load(in);
        }
        ports.add(Integer.parseInt(gateway.getProperty("quarkus.http.ssl-port")));
        assertThat(ports).hasSizeGreaterThanOrEqualTo(2);
        return ports;
    }

    /** Local addresses of listening TCP sockets ({@code 127.0.0.1:8080}, {@code [::1]:8080}, {@code *:8180}). */
    private static List<String> ss() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ss", "-Hltn").redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("ss -Hltn (iproute2): %s", output).isZero();
        return output.lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")[3]).toList();
    }

    private static boolean isLoopback(String address) {
        String host = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        host = host.replaceAll("%.*$", ""); // a scope or device: 127.0.0.1%lo, fe80::1%eth0
        if (host.equals("*") || host.isEmpty()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress(); // ::ffff:127.0.0.1 is 127.0.0.1
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
