package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.audit.AuditActor;

/** The actor of work the service does on its own (event consumers, scans). */
public final class Actors {

    public static final AuditActor SYSTEM = AuditActor.system("dsr-service");

    private Actors() {
    }
}
