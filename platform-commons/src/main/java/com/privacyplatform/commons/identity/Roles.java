package com.privacyplatform.commons.identity;

/** The platform's realm roles (DESIGN.md "Who uses it"), for {@code @RolesAllowed}. */
public final class Roles {

    public static final String PARTNER = "partner";
    public static final String DATA_SUBJECT = "data-subject";
    public static final String OFFICER = "compliance-officer";
    public static final String AUDITOR = "auditor";
    /** The platform's own services (client credentials), e.g. to bootstrap a projection. */
    public static final String SERVICE = "platform-service";

    private Roles() {
    }
}
