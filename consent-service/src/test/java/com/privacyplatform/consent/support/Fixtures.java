package com.privacyplatform.consent.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.testing.TestDb;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Partner ids, scopes, subjects and request bodies shared by the tests. */
public final class Fixtures {

    /** partner-demo-a (its real tokens carry this partner_id): broad scope, authorized for profiling purposes (3.2.c). */
    public static final String A = "2b9ab027-cb68-523d-81ec-293ae3eaf63b";
    /** partner-demo-b: narrow scope, no authorization for profiling purposes (3.2.c). */
    public static final String B = "e323d24b-b3af-54e4-9942-b04f7ce699c8";
    /** Never activated: unknown to the projection. */
    public static final String UNKNOWN = "c0a5e000-0000-4000-8000-0000000000ff";

    public static final String ALICE = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c";

    public static final String NOTICE_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static final Map<String, String[]> SCOPE_A = Map.of(
            "payment_processing", new String[] {"user.name", "user.financial.bank_account", "user.contact.email"},
            "marketing.communications", new String[] {"user.name", "user.contact.email", "user.behavior.browsing"},
            "analytics", new String[] {"user.device.identifier", "user.behavior.browsing"},
            "third_party_sharing", new String[] {"user.name", "user.contact.address"},
            "automated_decision_making", new String[] {"user.financial.credit"},
            "fraud_detection", new String[] {"user.device.identifier", "user.behavior.browsing"},
            "personalization", new String[] {"user.behavior.browsing"},
            "retention_after_cooperation", new String[] {"user.name", "user.financial.bank_account"});

    public static final Map<String, String[]> SCOPE_B = Map.of(
            "payment_processing", new String[] {"user.name", "user.financial.bank_account"},
            "analytics", new String[] {"user.device.identifier"});

    /** partner-demo-a (CN) may transfer these categories to SG (3.3.c): recipients there are recorded. */
    public static final Map<String, String[]> TRANSFERS_A = Map.of("SG", new String[] {"user.name",
            "user.financial.bank_account", "user.contact.address", "user.contact.email"});

    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean known;

    private Fixtures() {
    }

    /** Activates A and B in the projection once per test JVM, through real partner.activated events. */
    public static synchronized void knownPartners() {
        if (!known) {
            Registry.activate(A, 1, true, SCOPE_A);
            Registry.transfersChanged(A, 1, TRANSFERS_A);
            Registry.activate(B, 1, false, SCOPE_B);
            known = true;
        }
    }

    /** A fresh pseudonymous subject id, so tests never see each other's consents. */
    public static String subject() {
        return "subj-" + UUID.randomUUID();
    }

    /**
     * A decision written straight into the test database (with its RECORDED history entry), so a test
     * can start from it under any identity. Recording itself is tested through the API.
     */
    public static String consent(String partnerId, String subjectId, String purpose, String state,
            String recipientsJson, String... categories) {
        String id = Ids.newId().toString();
        String decision = "REFUSED".equals(state) ? "REFUSED" : "GRANTED";
        TestDb.execute("INSERT INTO consent (id, subject_id, partner_id, purpose, categories, sensitive, decision, state,"
                + " legal_basis, method, notice_version, notice_hash, language, channel, jurisdiction, collected_at,"
                + " expires_at, recipients, recorded_at, state_changed_at) VALUES ('" + id + "', '" + subjectId + "', '"
                + partnerId + "', '" + purpose + "', ARRAY['" + String.join("','", categories) + "'], false, '"
                + decision + "', '" + state + "', 'EXPRESS_CONSENT', 'CHECKBOX', '2026-11', '" + NOTICE_HASH
                + "', 'zh-CN', 'WEB', 'CN', now() - interval '1 hour', NULL, '{\"recipients\": "
                + (recipientsJson == null ? "[]" : recipientsJson) + "}', now(), now())",
                "INSERT INTO consent_history (id, consent_id, state, cause, actor, actor_role, at) VALUES ('"
                        + Ids.newId() + "', '" + id + "', '" + state + "', 'RECORDED', 'partner:" + partnerId
                        + "', 'partner', now())");
        return id;
    }

    public static Body body(String subjectId) {
        return new Body(subjectId);
    }

    /** A recording request, valid unless changed. */
    public static final class Body {
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final List<Map<String, Object>> purposes = new ArrayList<>();
        private final List<Map<String, Object>> recipients = new ArrayList<>();

        Body(String subjectId) {
            fields.put("subjectId", subjectId);
            fields.put("jurisdiction", "CN");
            fields.put("language", "zh-CN");
            fields.put("channel", "MOBILE_APP");
            fields.put("collectedAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
            fields.put("notice", Map.of("version", "2026-11", "textHash", NOTICE_HASH));
            fields.put("legalBasis", "EXPRESS_CONSENT");
            fields.put("method", "CHECKBOX");
        }

        public Body purpose(String purpose, boolean granted, String... categories) {
            purposes.add(Map.of("purpose", purpose, "categories", List.of(categories), "granted", granted));
            return this;
        }

        public Body recipient(String name, String country, String kind, String contactEmail) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", name);
            r.put("country", country);
            r.put("kind", kind);
            r.put("contactEmail", contactEmail);
            recipients.add(r);
            return this;
        }

        /** Sets (or with null removes) a top-level field. */
        public Body with(String field, Object value) {
            if (value == null) {
                fields.remove(field);
            } else {
                fields.put(field, value);
            }
            return this;
        }

        public String json() {
            Map<String, Object> out = new LinkedHashMap<>(fields);
            if (!recipients.isEmpty()) {
                out.put("recipients", recipients);
            }
            out.put("purposes", purposes);
            try {
                return JSON.writeValueAsString(out);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
