package com.privacyplatform.commons.db;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The connection of a dedicated LISTEN subscriber (outbox relay, audit chainer, the gateway's
 * controls), built from the reactive datasource's configuration: its URL, user and password, and
 * its TLS - {@code quarkus.datasource.reactive.postgresql.ssl-mode}, the trusted CA
 * ({@code trust-certificate-pem.certs}) and the hostname verification - so that a LISTEN connection
 * is never plainer than the pool's (3.4.c: in Kubernetes prod, verify-full against the database
 * cluster's CA). Locally none of them is set: plain, as the pool.
 */
public final class ListenConnectOptions {

    private static final String REACTIVE = "quarkus.datasource.reactive.";

    private ListenConnectOptions() {
    }

    public static PgConnectOptions of(Config config) {
        String url = config.getValue(REACTIVE + "url", String.class).replaceFirst("^vertx-reactive:", "");
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        config.getOptionalValue(REACTIVE + "postgresql.ssl-mode", String.class)
                .ifPresent(mode -> options.setSslMode(SslMode.of(mode.trim().toLowerCase(java.util.Locale.ROOT))));
        List<String> certs = config.getOptionalValues(REACTIVE + "trust-certificate-pem.certs", String.class).orElse(List.of());
        boolean pem = config.getOptionalValue(REACTIVE + "trust-certificate-pem", Boolean.class).orElse(!certs.isEmpty());
        if (pem && !certs.isEmpty()) {
            PemTrustOptions trust = new PemTrustOptions();
            certs.forEach(trust::addCertPath);
            options.setPemTrustOptions(trust);
        }
        config.getOptionalValue(REACTIVE + "hostname-verification-algorithm", String.class)
                .filter(a -> !a.isBlank() && !"NONE".equalsIgnoreCase(a.trim()))
                .ifPresent(options::setHostnameVerificationAlgorithm);
        return options;
    }
}
