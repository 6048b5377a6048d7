package com.privacyplatform.dsr.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A deadline as a task (or a request) carries it from receipt on.
 *
 * @param policyId      the deadline table row that set it (the earliest of its jurisdictions'); null for a
 *                      recipient task, whose deadline is {@code dsr.recipient-deadline}
 * @param jurisdiction  the jurisdiction of that row (its calendar: holidays); null where none is known
 * @param jurisdictions every jurisdiction the deadline was chosen from (known ones, sorted)
 * @param dueOn         the due day (UTC)
 * @param dueAt         the deadline's last instant: the end of the due day, or receipt + the recipient deadline
 * @param latestDueOn   the latest day one extension may move it to (every jurisdiction's limit kept); null:
 *                      no extension
 * @param receiptConfirmationDueOn when receipt must be confirmed, where a policy requires it
 */
public record Deadline(String policyId, String jurisdiction, List<String> jurisdictions, LocalDate dueOn,
        OffsetDateTime dueAt, LocalDate latestDueOn, LocalDate receiptConfirmationDueOn) {

    public Deadline {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
    }
}
