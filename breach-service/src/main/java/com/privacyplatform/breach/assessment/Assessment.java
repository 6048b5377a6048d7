package com.privacyplatform.breach.assessment;

import java.util.List;

/** A derived severity and the reasons that led to it, in the order the rules applied. */
public record Assessment(Severity severity, List<SeverityReason> reasons) {
}
