package com.privacyplatform.commons.support;

/** The demo partner ids used by the realm's partner clients and by @OidcSecurity tests. */
public final class Partners {

    public static final String A = "2b9ab027-cb68-523d-81ec-293ae3eaf63b";
    public static final String B = "e323d24b-b3af-54e4-9942-b04f7ce699c8";

    private Partners() {
    }
}
