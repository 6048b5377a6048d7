package com.privacyplatform.registry.inspection;

/** 3.4.e: the scope a self-inspection must cover at least. */
public enum InspectionArea {
    /** The security of information systems. */
    SYSTEM_SECURITY,
    /** The implementation of the relevant information security requirements and measures. */
    IMPLEMENTATION_OF_REQUIREMENTS
}
