package com.privacyplatform.dsr.request;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.masking.MaskType;
import com.privacyplatform.commons.masking.Masking;
import java.util.List;
import java.util.Map;

/**
 * 3.2.d: correction values shown to anyone but their owner (the subject) or the partner that must act
 * on them are masked by the rule of their category; values of other categories are hidden entirely.
 */
public final class CorrectionMasking {

    private static final Map<String, MaskType> RULES = Map.of(
            "user.contact.email", MaskType.EMAIL,
            "user.contact.phone_number", MaskType.PHONE,
            "user.contact.address", MaskType.POSTAL_ADDRESS,
            "user.government_id.national_identification_number", MaskType.NATIONAL_ID,
            "user.government_id.passport_number", MaskType.PASSPORT,
            "user.government_id.vehicle_registration", MaskType.LICENSE_PLATE,
            "user.financial.bank_account", MaskType.BANK_CARD);

    private CorrectionMasking() {
    }

    @Enforces(value = "3.2.d", note = "correction values masked for oversight by their category's rule")
    public static List<Correction> mask(List<Correction> corrections) {
        return corrections.stream()
                .map(c -> new Correction(c.field(), Masking.mask(RULES.getOrDefault(c.field(), MaskType.FULL),
                        c.value())))
                .toList();
    }
}
