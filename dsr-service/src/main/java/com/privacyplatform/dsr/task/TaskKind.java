package com.privacyplatform.dsr.task;

/**
 * PARTNER: the partner acts on its own copy. RECIPIENT (3.5.c.b-c): the partner stops disclosing the
 * subject's data to a recorded third party and notifies it to delete.
 */
public enum TaskKind {
    PARTNER,
    RECIPIENT
}
