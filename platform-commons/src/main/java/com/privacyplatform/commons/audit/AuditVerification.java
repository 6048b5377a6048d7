package com.privacyplatform.commons.audit;

import java.time.Instant;

/**
 * Result of walking the whole chain. {@code firstBrokenSeq} is the first record (or the head,
 * reported as {@code headSeq}) where an edit, deletion, insertion or reordering shows; when the
 * chain is consistent in itself but differs from a signed checkpoint (rewritten and re-hashed by
 * someone holding the database credentials), it is the first record after the last checkpoint
 * that still matched ({@code lastGoodCheckpointSeq}), since anything after it may have been
 * rewritten. {@code checkpointsChecked} counts the signed checkpoints the chain matched (the
 * service's own copy, or the copy an auditor supplied). {@code unchainedRecords} counts records
 * committed but not linked by the chainer yet (normally a few milliseconds' worth): not part of
 * the checked chain and not a sign of tampering; {@code oldestUnchainedAt} says how long the
 * oldest has waited.
 */
public record AuditVerification(boolean valid, long recordsChecked, long headSeq, String headHash,
        Long firstBrokenSeq, String problem, long unchainedRecords, Instant oldestUnchainedAt,
        int checkpointsChecked, Long lastGoodCheckpointSeq) {

    /** Records waiting for the chainer. */
    record Unchained(long count, Instant oldest) {
    }
}
