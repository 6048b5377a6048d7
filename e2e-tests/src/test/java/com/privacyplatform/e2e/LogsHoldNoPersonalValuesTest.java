package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.testing.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * No log line of any service holds a subject id, a token, an e-mail address or a phone number
 * (docs/data-stores.md, "Logs"). Runs last ({@code @Order}, junit-platform.properties): it drives
 * its own journey with fresh values - a consent, a correction request with an e-mail and a name,
 * a partner record with contact e-mail and phone, paths and bodies that fail - and then reads the
 * log of every service of infra/services.conf that {@code ./platform} writes to .platform/logs/,
 * the whole end-to-end run's, for those values, the demo subjects' ids and the tokens used; and
 * every span the services exported to the phase's OTLP receiver during the run (docs/tracing.md).
 */
@Order(Integer.MAX_VALUE)
class LogsHoldNoPersonalValuesTest {

    static final String ALICE = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c";
    static final String BOB = "6b1f2c1e-3d4a-4f5b-8c6d-000000000b0b";
    private static final Path ROOT = ReadmeWalkthrough.ROOT;
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    private static final String NOTICE_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** The run's personal values and token signatures by what they are; filled by the journey. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();

    /** The journey with fresh personal values, once for both searches. */
    @BeforeAll
    static void driveAJourneyWithFreshPersonalValues() {
        String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        String subject = "e2e-logprobe-" + UUID.randomUUID();
        String email = "log.probe." + tag + "@example.com";
        String name = "Probe Person " + tag;
        String phoneDigits = "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        String phone = "+86 " + phoneDigits.substring(0, 3) + " " + phoneDigits.substring(3, 7) + " "
                + phoneDigits.substring(7);
        String partnerContact = "contact." + tag + "@partner.example";
        Platform.ensureActive("partner-demo-a", PARTNER_A, "CN");
        String partner = Platform.partnerA();
        String alice = Tokens.user("alice");
        String officer = Platform.officer();

        // a consent of a fresh subject, its check, and paths naming the subject
        recordConsent(partner, subject);
        recordConsent(partner, ALICE);
        as(partner).body("{\"subjectId\":\"" + subject + "\",\"purpose\":\"payment_processing\",\"category\":\"user.name\"}")
                .post("/api/consents/check").then().statusCode(200);
        as(partner).get("/api/subjects/" + subject + "/holders");
        as(officer).get("/api/subjects/" + subject + "/holders");
        as(officer).queryParam("contactEmail", email).queryParam("phone", phone).get("/api/partners");
        as(partner).get("/api/consents/" + subject).then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        as(alice).get("/api/requests/" + subject).then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        // bad input that carries the values: refused, never echoed into a log
        as(partner).body("{\"subjectId\":\"" + subject + "\",\"purpose\":\"" + email + "\",\"category\":\"" + phone + "\"}")
                .post("/api/consents/check").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        as(alice).body("{\"type\":\"CORRECTION\",\"corrections\":[{\"field\":\"" + email + "\",\"value\":\"" + phone + "\"}]}")
                .post("/api/requests").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));

        // a correction with the subject's new e-mail and name, worked by the partner's task
        String body = "{\"type\":\"CORRECTION\",\"partnerIds\":[\"" + PARTNER_A + "\"],\"corrections\":["
                + "{\"field\":\"user.contact.email\",\"value\":\"" + email + "\"},"
                + "{\"field\":\"user.name\",\"value\":\"" + name + "\"}]}";
        String requestId = await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = as(alice).header("Idempotency-Key", "logprobe-" + tag).body(body).post("/api/requests");
            return response.statusCode() == 201 ? response.jsonPath().getString("id") : null;
        }, id -> id != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> !as(partner).queryParam("requestId", requestId)
                .get("/api/tasks").then().statusCode(200).extract().jsonPath().getList("items").isEmpty());

        // a partner record with a contact's e-mail and phone
        as(officer).body("{\"legalName\":\"Log Probe " + tag + " Ltd.\",\"jurisdiction\":\"CN\",\"oidcClientId\":\"log-probe-"
                        + tag + "\",\"contact\":{\"name\":\"" + name + "\",\"email\":\"" + partnerContact + "\",\"phone\":\""
                        + phone + "\"},\"credential\":{\"method\":\"CLIENT_SECRET\"}}")
                .post("/api/partners").then().statusCode(201);

        // a token that fails (its signature altered) and tokens that pass
        String forged = alice.substring(0, alice.lastIndexOf('.') + 1) + "AAAA" + alice.substring(alice.lastIndexOf('.') + 5);
        as(forged).get("/api/requests").then().statusCode(401);

        Map<String, String> secrets = SECRETS;
        secrets.put("fresh subject id", subject);
        secrets.put("alice's subject id", ALICE);
        secrets.put("bob's subject id", BOB);
        secrets.put("e-mail", email);
        secrets.put("e-mail local part", "log.probe." + tag);
        secrets.put("partner contact e-mail", partnerContact);
        secrets.put("phone", phone);
        secrets.put("phone digits", phoneDigits);
        secrets.put("name", name);
        Map<String, String> tokens = Map.of("alice's token", alice, "the partner's token", partner,
                "the officer's token", officer, "the forged token", forged);
        tokens.forEach((who, token) -> secrets.put("signature of " + who, token.substring(token.lastIndexOf('.') + 1)));
    }

    @Test
    void noServiceLogLineHoldsASubjectIdTokenEmailOrPhoneOfTheRun() throws IOException {
        Map<String, String> secrets = SECRETS;
        List<String> findings = new ArrayList<>();
        for (Path log : serviceLogs()) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (Map.Entry<String, String> secret : secrets.entrySet()) {
                    if (line.contains(secret.getValue())) {
                        findings.add(log.getFileName() + ":" + (i + 1) + " holds the " + secret.getKey() + ": " + line);
                    }
                }
                Matcher jwt = JWT.matcher(line);
                if (jwt.find()) {
                    findings.add(log.getFileName() + ":" + (i + 1) + " holds a JWT: " + line);
                }
            }
        }
        assertThat(findings).as("log lines with personal values or tokens").isEmpty();
    }

    /**
     * Nor does any span that a service exported during the whole run (docs/tracing.md): every export
     * request the phase's OTLP receiver kept - span names, attributes, resources - searched as bytes,
     * in which protobuf carries every string as plain UTF-8.
     */
    @Test
    void noExportedSpanHoldsASubjectIdTokenEmailOrPhoneOfTheRun() throws InterruptedException {
        ExportedSpans.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(30)); // the journey's last spans
        List<ExportedSpans.Request> requests = ExportedSpans.requests();
        assertThat(requests).as("export requests the services sent to the OTLP receiver").isNotEmpty();
        assertThat(ExportedSpans.spans()).as("the decoded spans").isNotEmpty();
        List<String> findings = new ArrayList<>();
        for (ExportedSpans.Request request : requests) {
            String text = request.text();
            for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
                String asBytes = new String(secret.getValue().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                if (text.contains(asBytes)) {
                    findings.add(request.file().getFileName() + " holds the " + secret.getKey());
                }
            }
            if (JWT.matcher(text).find()) {
                findings.add(request.file().getFileName() + " holds a JWT");
            }
        }
        assertThat(findings).as("exported spans with personal values or tokens").isEmpty();
    }

    /** The log of every service that ./platform started for this run (infra/services.conf). */
    private static List<Path> serviceLogs() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("infra/services.conf"), StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Path log = ROOT.resolve(".platform/logs").resolve(trimmed.split("\\s+")[0] + ".log");
            assertThat(log).as("the service's log of this run").exists();
            logs.add(log);
        }
        assertThat(logs).isNotEmpty();
        return logs;
    }

    private static void recordConsent(String partnerToken, String subject) {
        String consent = "{\"subjectId\":\"" + subject + "\",\"jurisdiction\":\"CN\",\"language\":\"zh-CN\","
                + "\"channel\":\"WEB\",\"notice\":{\"version\":\"2026-11\",\"textHash\":\"" + NOTICE_HASH + "\"},"
                + "\"legalBasis\":\"EXPRESS_CONSENT\",\"method\":\"CHECKBOX\",\"purposes\":[{\"purpose\":"
                + "\"payment_processing\",\"categories\":[\"user.name\",\"user.contact.email\"],\"granted\":true}]";
        await().atMost(Duration.ofSeconds(20)).until(() -> as(partnerToken)
                .body(consent + ",\"collectedAt\":\"" + Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS) + "\"}")
                .post("/api/consents").statusCode() == 201);
    }
}
