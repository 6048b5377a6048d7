package com.privacyplatform.commons.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** This JVM's own TCP connections, from Linux' /proc: which broker connections belong to this test run. */
final class LocalSockets {

    private LocalSockets() {
    }

    /** Local ports of this process' established TCP connections to {@code remotePort}. */
    static Set<Integer> portsConnectedTo(int remotePort) throws IOException {
        Set<String> inodes = socketInodes();
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st ... inode (index 9); state 01 = ESTABLISHED
                if (f.length > 9 && f[3].equals("01") && port(f[2]) == remotePort && inodes.contains(f[9])) {
                    ports.add(port(f[1]));
                }
            }
        }
        return ports;
    }

    private static int port(String address) {
        return address.contains(":") ? Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16) : -1;
    }

    private static Set<String> socketInodes() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            });
        }
        return inodes;
    }
}
