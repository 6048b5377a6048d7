package com.privacyplatform.dsr.request;

/** The rights a subject exercises (3.5.a): access, correction, deletion, revocation of authorization. */
public enum RequestType {
    ACCESS("3.5.a"),
    CORRECTION("3.5.b"),
    DELETION("3.5.c"),
    REVOKE_AUTHORIZATION("3.5.a");

    /** The clause a refusal or a deadline rule of this type of request cites. */
    public final String clause;

    RequestType(String clause) {
        this.clause = clause;
    }
}
