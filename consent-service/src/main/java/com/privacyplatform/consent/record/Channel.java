package com.privacyplatform.consent.record;

/** Where the consent was collected (ISO/IEC TS 27560 "collection channel"). */
public enum Channel {
    WEB, MOBILE_APP, IN_STORE, PHONE, EMAIL, PAPER, KIOSK
}
