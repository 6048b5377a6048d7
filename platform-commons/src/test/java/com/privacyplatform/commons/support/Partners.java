package com.privacyplatform.commons.support;

/** The demo partner ids used by the realm's partner clients and by @OidcSecurity tests. */
public final class Partners {

    public static final String A = "7a1c1a52-0c0e-4c53-9a8e-4f3b1d2a000a";
    public static final String B = "7a1c1a52-0c0e-4c53-9a8e-4f3b1d2a000b";

    private Partners() {
    }
}
