package com.privacyplatform.commons.identity;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.problem.ProblemException;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one place that reads who is calling (roles, {@code partner_id}, {@code sub}) and answers
 * "may this caller see this partner's / this subject's object" (3.4.f least privilege).
 * Services answer a "no" for an object with 404, never 403, so existence is not revealed.
 */
@RequestScoped
public class Caller {

    public static final String PARTNER_CLAIM = "partner_id";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isPartner() {
        return hasRole(Roles.PARTNER);
    }

    public boolean isDataSubject() {
        return hasRole(Roles.DATA_SUBJECT);
    }

    public boolean isOfficer() {
        return hasRole(Roles.OFFICER);
    }

    public boolean isAuditor() {
        return hasRole(Roles.AUDITOR);
    }

    /** Officers and auditors oversee every tenant (auditors read-only, enforced by the endpoints' roles). */
    public boolean isOversight() {
        return isOfficer() || isAuditor();
    }

    /** The token's {@code sub}: for a data subject, their pseudonymous subject id. */
    public String subject() {
        JsonWebToken jwt = jwt();
        String sub = jwt == null ? null : jwt.getSubject();
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    /** The partner a partner token acts for; empty for other callers and for a malformed claim. */
    public Optional<UUID> partnerId() {
        return partnerIdOf(partnerClaimText(identity));
    }

    /**
     * The {@code partner_id} claim of an identity as text (quotes of a JSON string removed), or
     * {@code null} without one. A token quarkus-oidc verified is read from its claims set directly:
     * smallrye-jwt's {@code getClaim} first looks the name up among the standard claims with
     * {@code Claims.valueOf}, which throws (and fills a stack trace) for every custom claim such as this one,
     * two or three times per partner request (issue 16.1).
     */
    public static String partnerClaimText(SecurityIdentity identity) {
        Object claim;
        if (identity.getPrincipal() instanceof OidcJwtCallerPrincipal oidc) {
            claim = oidc.getClaims().getClaimValue(PARTNER_CLAIM);
        } else if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            claim = jwt.getClaim(PARTNER_CLAIM);
        } else {
            claim = identity.getAttribute(PARTNER_CLAIM);
        }
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    /** The partner id a {@code partner_id} claim names; empty for none and for a malformed one. */
    public static Optional<UUID> partnerIdOf(String claimText) {
        if (claimText == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claimText));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** For partner-only operations: the caller's partner, or 403 if the token carries none. */
    public UUID requirePartnerId() {
        return partnerId().orElseThrow(() -> ProblemException.forbidden(
                "the token carries no valid " + PARTNER_CLAIM + " claim"));
    }

    /** 3.4.f: oversight sees all partners; a partner only itself; nobody else any partner's objects. */
    @Enforces("3.4.f")
    public boolean maySeePartner(UUID partnerId) {
        if (isOversight()) {
            return true;
        }
        return isPartner() && partnerId != null && partnerId().filter(partnerId::equals).isPresent();
    }

    /**
     * 3.4.f: oversight sees all subjects; a data subject only themself. A partner sees a subject's
     * objects only through its own records, so pass the partner that holds the object.
     */
    @Enforces("3.4.f")
    public boolean maySeeSubjectObject(String subjectId, UUID holdingPartnerId) {
        if (isOversight()) {
            return true;
        }
        if (isDataSubject() && subjectId != null && subjectId.equals(subject())) {
            return true;
        }
        return isPartner() && holdingPartnerId != null && maySeePartner(holdingPartnerId);
    }

    /** Throws 404 (not 403) when the object is not the caller's to see. */
    public void requireVisible(boolean visible, String what) {
        if (!visible) {
            throw ProblemException.notFound(what + " not found");
        }
    }

    /**
     * 3.2.d: whether the caller owns the personal values of this object (the subject themself,
     * or the partner that collected them) and may therefore see them unmasked.
     */
    @Enforces("3.2.d")
    public boolean ownsValuesOf(String subjectId, UUID holdingPartnerId) {
        if (isDataSubject() && subjectId != null && subjectId.equals(subject())) {
            return true;
        }
        return isPartner() && holdingPartnerId != null && partnerId().filter(holdingPartnerId::equals).isPresent();
    }

    /** The pseudonymous actor for the audit trail. */
    public AuditActor auditActor() {
        if (isPartner()) {
            return new AuditActor("partner:" + partnerId().map(UUID::toString).orElse("unknown"), Roles.PARTNER);
        }
        String role = isOfficer() ? Roles.OFFICER : isAuditor() ? Roles.AUDITOR
                : isDataSubject() ? Roles.DATA_SUBJECT : "anonymous";
        return new AuditActor("user:" + (isAuthenticated() ? subject() : "anonymous"), role);
    }

    private JsonWebToken jwt() {
        return identity.getPrincipal() instanceof JsonWebToken token ? token : null;
    }
}
