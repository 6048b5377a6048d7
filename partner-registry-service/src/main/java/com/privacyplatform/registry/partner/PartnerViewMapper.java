package com.privacyplatform.registry.partner;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.masking.Masking;
import com.privacyplatform.registry.partner.PartnerViews.ContactView;
import com.privacyplatform.registry.partner.PartnerViews.PartnerView;
import com.privacyplatform.registry.partner.PartnerViews.SecurityOfficerView;
import com.privacyplatform.registry.partner.PartnerViews.StatusChangeView;
import jakarta.enterprise.context.RequestScoped;
import java.time.OffsetDateTime;

/** Builds partner views for the current caller, masking contact values it may not see in full. */
@RequestScoped
public class PartnerViewMapper {

    private final Caller caller;

    public PartnerViewMapper(Caller caller) {
        this.caller = caller;
    }

    public PartnerView view(Partner p) {
        boolean clear = showsContactsInClear(p);
        ContactView contact = new ContactView(p.contactName,
                clear ? p.contactEmail : Masking.email(p.contactEmail),
                clear ? p.contactPhone : Masking.phone(p.contactPhone));
        SecurityOfficerView officer = p.officerName == null ? null : new SecurityOfficerView(p.officerName,
                clear ? p.officerEmail : Masking.email(p.officerEmail),
                clear ? p.officerPhone : Masking.phone(p.officerPhone),
                p.officerDepartment, instant(p.officerUpdatedAt));
        return new PartnerView(p.id, p.legalName, p.jurisdiction, p.oidcClientId, contact, p.status, p.statusReason,
                instant(p.statusChangedAt), instant(p.terminationDeletionCompletedAt), officer,
                p.admAuthorized, p.scopeVersion, instant(p.createdAt),
                instant(p.updatedAt), p.version, instant(p.clientDisabledAt), null);
    }

    public StatusChangeView view(PartnerStatusChange change) {
        return new StatusChangeView(change.fromStatus, change.toStatus, change.reason, change.actor,
                instant(change.changedAt));
    }

    /** 3.2.d: contact values in clear only for compliance officers and the partner itself. */
    @Enforces("3.2.d")
    boolean showsContactsInClear(Partner p) {
        return caller.isOfficer() || caller.ownsValuesOf(null, p.id);
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
