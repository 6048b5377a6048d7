package com.privacyplatform.breach.incident;

/** OPEN until a compliance officer closes it with a remediation summary; CLOSED is final. */
public enum IncidentState {
    OPEN, CLOSED
}
