package com.privacyplatform.commons.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay's and the audit chainer's runs start with {@link CustomPlans#SELECT_PREFIX}: their
 * statements are planned for the table as it is now, and only inside their own transaction (the
 * pooled connection goes back with the server's default).
 */
@QuarkusTest
class CustomPlansTest {

    @Test
    void customPlansHoldForTheRunsTransactionOnly() throws SQLException {
        try (Connection c = TestDb.connect(); Statement st = c.createStatement()) {
            String before = setting(st);
            c.setAutoCommit(false);
            try (ResultSet rs = st.executeQuery(CustomPlans.SELECT_PREFIX + "current_setting('plan_cache_mode')")) {
                rs.next();
                assertThat(rs.getString(2)).isEqualTo("force_custom_plan");
            }
            assertThat(setting(st)).isEqualTo("force_custom_plan");
            c.commit();
            assertThat(setting(st)).isEqualTo(before).isNotEqualTo("force_custom_plan");
        }
    }

    private static String setting(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT current_setting('plan_cache_mode')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
