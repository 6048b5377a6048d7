package com.privacyplatform.commons.identity.token;

import com.privacyplatform.commons.config.AtLeastOne;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The verified-token cache ({@link VerifiedTokens}) of the gateway and every service: a bearer token
 * quarkus-oidc has verified is answered from memory until its {@code exp}, at most {@link #maxAge()}.
 */
@ConfigMapping(prefix = "platform.token-cache")
public interface TokenCacheConfig {

    /** Answer a token quarkus-oidc has verified from memory until its exp (or max-age); false: verify every request. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The longest an entry is answered from the cache, whatever the token's exp: a key the realm
     * removes stops carrying a cached token after this long at the latest.
     */
    @WithDefault("60S")
    Duration maxAge();

    /** At most this many tokens are cached; beyond it, new tokens are verified every time. */
    @WithDefault("10000")
    @WithConverter(AtLeastOne.class)
    int maxEntries();
}
