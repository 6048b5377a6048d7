package com.privacyplatform.dsr.deadline;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A period of {@code amount} units, e.g. one calendar month or 15 business days. */
@RegisterForReflection
public record Term(DeadlineUnit unit, int amount) {

    public Term {
        if (unit == null || amount < 1) {
            throw new IllegalArgumentException("a term needs a unit and a positive amount");
        }
    }

    /** The two terms back to back; both must count in the same unit. */
    public Term plus(Term other) {
        if (other.unit != unit) {
            throw new IllegalArgumentException("cannot add " + other.unit + " to " + unit);
        }
        return new Term(unit, amount + other.amount);
    }
}
