package com.privacyplatform.commons.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./platform partner-id CLIENT} (bash and coreutils, for the README's walkthrough and for
 * Keycloak's partner_id claim mappers) prints the same id as {@link Ids#partnerIdFor}, which the
 * registry stores: the same namespace, the same name, the same version and variant bits.
 */
class PartnerIdCommandTest {

    private static final Path PLATFORM = Path.of("..", "platform").toAbsolutePath().normalize();

    @Test
    void theDemoPartnersIdsAreTheOnesTheirTokensCarry() throws Exception {
        assertThat(partnerId("partner-demo-a")).isEqualTo("2b9ab027-cb68-523d-81ec-293ae3eaf63b")
                .isEqualTo(Ids.partnerIdFor("partner-demo-a").toString());
        assertThat(partnerId("partner-demo-b")).isEqualTo("e323d24b-b3af-54e4-9942-b04f7ce699c8")
                .isEqualTo(Ids.partnerIdFor("partner-demo-b").toString());
    }

    @Test
    void theCommandAndIdsAgreeOnEveryKindOfClientId() throws Exception {
        List<String> clientIds = new ArrayList<>(List.of("abc", "Shop.Example_01-eu", "e2e-walkthrough-x",
                "a".repeat(100), "0.9_-Z"));
        for (int i = 0; i < 20; i++) {
            clientIds.add("e2e-" + UUID.randomUUID()); // many hashes: every nibble of version and variant bytes
        }
        for (String clientId : clientIds) {
            String printed = partnerId(clientId);
            UUID parsed = UUID.fromString(printed);
            assertThat(parsed.version()).isEqualTo(5);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(printed).as(clientId).isEqualTo(Ids.partnerIdFor(clientId).toString());
        }
    }

    @Test
    void aNameThatOnboardingWouldRefuseIsAUsageError() throws Exception {
        for (String bad : new String[] {"ab", "with space", "a/b", "a".repeat(101), ""}) {
            Result result = run(bad);
            assertThat(result.exit()).as(bad).isEqualTo(2);
            assertThat(result.stdout()).isEmpty();
        }
    }

    private static String partnerId(String clientId) throws Exception {
        Result result = run(clientId);
        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout()).endsWith("\n");
        return result.stdout().strip();
    }

    private static Result run(String clientId) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(PLATFORM)).as(PLATFORM.toString()).isTrue();
        Process process = new ProcessBuilder(PLATFORM.toString(), "partner-id", clientId).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exit, String stdout, String stderr) {
    }
}
