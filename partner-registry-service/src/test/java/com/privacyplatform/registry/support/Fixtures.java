package com.privacyplatform.registry.support;

import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.testing.TestDb;
import java.util.UUID;

/** Partners written straight into the test database, so a test can start from any state. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Two ACTIVE partners with fixed ids, the same in every test class. */
    public static final String A = "5a0e0000-0000-5000-8000-00000000000a";
    public static final String B = "5a0e0000-0000-5000-8000-00000000000b";

    public static void knownPartners() {
        for (String id : new String[] {A, B}) {
            TestDb.execute("INSERT INTO partner (id, legal_name, jurisdiction, oidc_client_id, contact_name,"
                    + " contact_email, contact_phone, status, status_changed_at, officer_name, officer_email,"
                    + " officer_phone, officer_department, officer_updated_at, created_at, updated_at) VALUES ('" + id
                    + "', 'Known " + id + "', 'CN', 'known-" + id + "', 'Li Wei', 'li.wei@shop.example',"
                    + " '+8613812345678', 'ACTIVE', now(), 'Zhang San', 'zhang.san@shop.example', '+8613912345678',"
                    + " 'Security', now(), now(), now()) ON CONFLICT DO NOTHING");
        }
    }

    public static String uniqueClientId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A partner in the given status, with a named security officer when {@code withOfficer}. */
    public static UUID partner(String status, boolean withOfficer) {
        String clientId = uniqueClientId("fixture");
        UUID id = Ids.partnerIdFor(clientId);
        TestDb.execute("INSERT INTO partner (id, legal_name, jurisdiction, oidc_client_id, contact_name, contact_email,"
                + " contact_phone, status, status_reason, status_changed_at, officer_name, officer_email, officer_phone,"
                + " officer_department, officer_updated_at, created_at, updated_at) VALUES ('" + id + "', 'Fixture "
                + clientId + " Ltd.', 'CN', '" + clientId + "', 'Li Wei', 'li.wei@shop.example', '+8613812345678', '"
                + status + "', 'fixture', now(), " + (withOfficer
                        ? "'Zhang San', 'zhang.san@shop.example', '+8613912345678', 'Security', now()"
                        : "NULL, NULL, NULL, NULL, NULL") + ", now(), now())");
        return id;
    }

    public static void scope(UUID partnerId, String purpose, String... categories) {
        for (String category : categories) {
            TestDb.execute("INSERT INTO partner_scope_entry (partner_id, purpose, category) VALUES ('" + partnerId
                    + "', '" + purpose + "', '" + category + "') ON CONFLICT DO NOTHING");
        }
    }
}
