package com.privacyplatform.dsr.request;

/** Who started the request: the subject, a partner on the subject's behalf, or the platform (3.5.d, 3.4.j). */
public enum RequestOrigin {
    SUBJECT,
    PARTNER,
    TERMINATION,
    BREACH_ORDER
}
