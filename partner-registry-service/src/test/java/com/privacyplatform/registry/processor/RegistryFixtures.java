package com.privacyplatform.registry.processor;

import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.testing.TestDb;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Partners, processors and transfers written straight into the test database, so a test starts
 * from any state without walking the lifecycle. Every call makes fresh rows (the database is shared
 * by all tests of a run), except the two fixed partners that partner tokens name.
 */
public final class RegistryFixtures {

    /** Fixed ids for {@code @OidcSecurity} claims (annotation values must be constants). */
    public static final String PARTNER_A = "5a0c0000-0000-4000-8000-0000000000a1";
    public static final String PARTNER_B = "5a0c0000-0000-4000-8000-0000000000b2";

    public static final String OFFICER = "compliance-officer";

    private RegistryFixtures() {
    }

    /** Partners A and B (ACTIVE, jurisdiction CN) with the standard scope; idempotent. */
    public static void seedPartnersAAndB() {
        partner(UUID.fromString(PARTNER_A), "ACTIVE", "CN");
        partner(UUID.fromString(PARTNER_B), "ACTIVE", "CN");
        standardScope(UUID.fromString(PARTNER_A));
        standardScope(UUID.fromString(PARTNER_B));
    }

    /** A fresh partner with the standard scope. */
    public static UUID partner(String status, String jurisdiction) {
        UUID id = Ids.newId();
        partner(id, status, jurisdiction);
        standardScope(id);
        return id;
    }

    /** payment_processing x {name, email, transaction}; customer_support x {name, email}. */
    public static void standardScope(UUID partnerId) {
        scope(partnerId, "payment_processing", "user.name", "user.contact.email", "user.financial.transaction");
        scope(partnerId, "customer_support", "user.name", "user.contact.email");
    }

    public static void scope(UUID partnerId, String purpose, String... categories) {
        for (String category : categories) {
            TestDb.execute("INSERT INTO partner_scope_entry (partner_id, purpose, category) VALUES ('" + partnerId
                    + "', '" + purpose + "', '" + category + "') ON CONFLICT DO NOTHING");
        }
    }

    /** A processor row in any status; attested when {@code attested}. */
    public static UUID processor(UUID partnerId, String status, String country, String[] purposes,
            String[] categories, boolean attested) {
        UUID id = Ids.newId();
        TestDb.execute("INSERT INTO partner_processor (id, partner_id, name, country, purposes, categories,"
                + " legal_basis, attested_by, attested_at, attestation_document, attestation_recorded_at, status,"
                + " status_changed_at, status_changed_by, created_at, updated_at) VALUES ('" + id + "', '" + partnerId
                + "', 'Fixture Processor " + id.toString().substring(24) + "', '" + country + "', " + array(purposes)
                + ", " + array(categories) + ", 'EXPRESS_CONSENT', "
                + (attested ? "'DPO of the processor', now(), 'DMS-1', now()" : "NULL, NULL, NULL, NULL")
                + ", '" + status + "', now(), 'user:fixture', now(), now())");
        return id;
    }

    public static UUID transfer(UUID partnerId, String status, String country, String... categories) {
        UUID id = Ids.newId();
        TestDb.execute("INSERT INTO partner_transfer (id, partner_id, destination_country, recipient, categories,"
                + " legal_mechanism, status, status_changed_at, status_changed_by, created_at, updated_at) VALUES ('"
                + id + "', '" + partnerId + "', '" + country + "', 'Fixture Recipient', " + array(categories)
                + ", 'STANDARD_CONTRACT', '" + status + "', now(), 'user:fixture', now(), now())");
        return id;
    }

    public static String[] of(String... values) {
        return values;
    }

    public static long processors(UUID partnerId) {
        return TestDb.count("SELECT count(*) FROM partner_processor WHERE partner_id = ?", partnerId);
    }

    public static long transfers(UUID partnerId) {
        return TestDb.count("SELECT count(*) FROM partner_transfer WHERE partner_id = ?", partnerId);
    }

    public static Object processorStatus(UUID processorId) {
        return TestDb.single("SELECT status FROM partner_processor WHERE id = ?", processorId);
    }

    public static Object transferStatus(UUID transferId) {
        return TestDb.single("SELECT status FROM partner_transfer WHERE id = ?", transferId);
    }

    public static long auditEntries(String action, Object targetId) {
        return TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = ? AND target_id = ?", action,
                targetId.toString());
    }

    /** A processor body; {@code legalBasisDetail} may be null. */
    public static String processorBody(String name, String country, String purposes, String categories,
            String legalBasis, String legalBasisDetail) {
        return "{\"name\":\"" + name + "\",\"country\":\"" + country + "\",\"purposes\":" + purposes
                + ",\"categories\":" + categories + ",\"legalBasis\":\"" + legalBasis + "\""
                + (legalBasisDetail == null ? "" : ",\"legalBasisDetail\":\"" + legalBasisDetail + "\"") + "}";
    }

    /** A processor in the partner's jurisdiction (CN), inside the standard scope, on express consent. */
    public static String domesticProcessorBody(String name) {
        return processorBody(name, "CN", "[\"payment_processing\"]", "[\"user.name\",\"user.contact.email\"]",
                "EXPRESS_CONSENT", null);
    }

    public static String attestationBody() {
        return "{\"attestedBy\":\"DPO of the processor\",\"attestedAt\":\"2026-01-15T09:00:00Z\","
                + "\"documentReference\":\"DMS-2026-0042\"}";
    }

    public static String reason(String text) {
        return "{\"reason\":\"" + text + "\"}";
    }

    private static void partner(UUID id, String status, String jurisdiction) {
        String clientId = "proc-fixture-" + id;
        TestDb.execute("INSERT INTO partner (id, legal_name, jurisdiction, oidc_client_id, contact_name, contact_email,"
                + " status, status_reason, status_changed_at, officer_name, officer_email, officer_department,"
                + " officer_updated_at, created_at, updated_at) VALUES ('" + id + "', 'Fixture Shop Ltd.', '"
                + jurisdiction + "', '" + clientId + "', 'Li Wei', 'li.wei@shop.example', '" + status
                + "', 'fixture', now(), 'Zhang San', 'security@shop.example', 'Security', now(), now(), now())"
                + " ON CONFLICT DO NOTHING");
    }

    private static String array(String[] values) {
        return Arrays.stream(values).map(v -> "'" + v + "'").collect(Collectors.joining(",", "ARRAY[", "]::text[]"));
    }
}
