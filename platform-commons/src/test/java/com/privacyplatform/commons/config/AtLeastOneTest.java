package com.privacyplatform.commons.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.privacyplatform.commons.identity.token.TokenCacheConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code platform.token-cache.max-entries} (and the gateway's {@code rate-limit.replicas}) keep refusing
 * a value below 1 at start, with the property's name, now that a converter checks it instead of a
 * bean-validation {@code @Min(1)} (issue 19: no Hibernate Validator over the configuration at start).
 */
class AtLeastOneTest {

    private static SmallRyeConfig config(Map<String, String> values) {
        // plain SmallRye Config has no converter for Quarkus' "60S" duration default
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("platform.token-cache.max-age", "PT60S");
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(all, "application.properties", 250))
                .withMapping(TokenCacheConfig.class)
                .build();
    }

    @Test
    void theDefaultAndAnyPositiveNumberAreTaken() {
        assertThat(config(Map.of()).getConfigMapping(TokenCacheConfig.class).maxEntries()).isEqualTo(10000);
        assertThat(config(Map.of("platform.token-cache.max-entries", "1")).getConfigMapping(TokenCacheConfig.class)
                .maxEntries()).isEqualTo(1);
    }

    @Test
    void zeroOrANegativeNumberStopsTheStartNamingTheProperty() {
        for (String value : new String[] {"0", "-5"}) {
            assertThatThrownBy(() -> config(Map.of("platform.token-cache.max-entries", value)))
                    .hasMessageContaining("platform.token-cache.max-entries");
        }
    }

    @Test
    void somethingThatIsNoNumberStopsTheStart() {
        assertThatThrownBy(() -> config(Map.of("platform.token-cache.max-entries", "many")))
                .hasMessageContaining("platform.token-cache.max-entries");
    }
}
