package com.privacyplatform.commons.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration check a service runs at start (SmallRye Config validates every mapping before
 * anything connects): a listed secret whose variable is missing stops it, naming the variable.
 */
class RequiredSecretsTest {

    private static final Map<String, String> APPLICATION = Map.of(
            "platform.required-secrets.db-password", "${DB_PASSWORD}",
            "platform.required-secrets.rabbitmq-password", "${RABBITMQ_PASSWORD}",
            "%test.platform.required-secrets.db-password", "consent",
            "%test.platform.required-secrets.rabbitmq-password", "guest");

    private static SmallRyeConfig config(String profile, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(APPLICATION, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withMapping(RequiredSecrets.class)
                .build();
    }

    @Test
    void aMissingSecretStopsTheProductionStartNamingItsVariable() {
        assertThatThrownBy(() -> config("prod", Map.of("RABBITMQ_PASSWORD", "from-the-secret")))
                .hasMessageContaining("DB_PASSWORD")
                .hasMessageContaining("platform.required-secrets.db-password")
                .hasMessageNotContaining("from-the-secret");
        // with several missing, the first one found stops the start
        assertThatThrownBy(() -> config("prod", Map.of()))
                .hasMessageContaining("Configuration validation failed")
                .hasMessageMatching("(?s).*Could not expand value (DB_PASSWORD|RABBITMQ_PASSWORD) in property platform.required-secrets.*");
    }

    @Test
    void productionStartsWithEverySecretGivenAndTestWithItsOwnValues() {
        SmallRyeConfig prod = config("prod", Map.of("DB_PASSWORD", "pw-1", "RABBITMQ_PASSWORD", "pw-2"));
        assertThat(prod.getConfigMapping(RequiredSecrets.class).values())
                .containsEntry("db-password", "pw-1").containsEntry("rabbitmq-password", "pw-2");

        SmallRyeConfig test = config("test", Map.of());
        assertThat(test.getConfigMapping(RequiredSecrets.class).values()).containsEntry("db-password", "consent");
    }
}
