package com.privacyplatform.commons.audit;

/**
 * Result of walking the whole chain. {@code firstBrokenSeq} is the first record (or the head,
 * reported as {@code headSeq}) where an edit, deletion, insertion or reordering shows.
 */
public record AuditVerification(boolean valid, long recordsChecked, long headSeq, String headHash,
        Long firstBrokenSeq, String problem) {

    static AuditVerification ok(long checked, long headSeq, String headHash) {
        return new AuditVerification(true, checked, headSeq, headHash, null, null);
    }

    static AuditVerification broken(long checked, long headSeq, String headHash, long at, String problem) {
        return new AuditVerification(false, checked, headSeq, headHash, at, problem);
    }
}
