package com.privacyplatform.breach.emergency;

/** ACTIVE until an officer lifts it or its expiry passes; both ends are final. */
public enum EmergencyOrderState {
    ACTIVE, LIFTED, EXPIRED
}
