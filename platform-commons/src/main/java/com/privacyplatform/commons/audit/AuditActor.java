package com.privacyplatform.commons.audit;

/**
 * Who did it: a pseudonymous actor id ({@code partner:<uuid>}, {@code user:<sub>},
 * {@code system:<service>}) and the role it acted in. Never a name or an e-mail address.
 */
public record AuditActor(String actor, String role) {

    public static AuditActor system(String service) {
        return new AuditActor("system:" + service, "system");
    }
}
