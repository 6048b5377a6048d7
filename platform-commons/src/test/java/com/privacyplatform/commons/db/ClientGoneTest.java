package com.privacyplatform.commons.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.Backends;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client that gives up in the middle of a write (a load generator's timeout, a closed tab) cancels
 * the response; the write's transaction still runs to its end instead of being cut off mid-statement
 * with its session closed under it (Hibernate Reactive's "Live transaction detected while closing the
 * connection").
 */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
class ClientGoneTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aWriteWhoseClientLeftMidTransactionStillCommitsWhole() throws Exception {
        String marker = "client-gone-" + UUID.randomUUID();
        try (Backends.Held widgets = Backends.tableLock("test_widget")) {
            try (Socket client = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = client.getOutputStream();
                out.write(("POST /test/db-loss/write-read-write/" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // the first record is written, the read waits for the table lock
                widgets.awaitBlocked();
            } // the client goes away while the transaction is open
            Thread.sleep(500); // the server sees the closed connection and cancels the response
        } // the read goes on
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ?", marker))
                .as("both records of the write, committed although nobody waits for the answer").isEqualTo(2));
    }
}
