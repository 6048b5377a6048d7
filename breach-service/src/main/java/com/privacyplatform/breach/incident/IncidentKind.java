package com.privacyplatform.breach.incident;

/** What the partner reports (5.1): a violation of the Standards (5.1.a) or a suspected or confirmed breach (5.1.b). */
public enum IncidentKind {
    POLICY_VIOLATION, SUSPECTED_BREACH, CONFIRMED_BREACH
}
