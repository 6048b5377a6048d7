package com.privacyplatform.breach.text;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Shows free text to the current caller (3.2.d): in clear to the partner whose incident or order
 * it is (it collected the values), masked by {@link TextRedactor} for everyone else - compliance
 * officers and auditors included.
 */
@RequestScoped
public class FreeText {

    private final Caller caller;

    public FreeText(Caller caller) {
        this.caller = caller;
    }

    @Enforces("3.2.d")
    public String show(String text, UUID partnerId) {
        return caller.ownsValuesOf(null, partnerId) ? text : TextRedactor.redact(text);
    }
}
