package com.privacyplatform.commons.clause;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (method or class) that proves a clause's rule is enforced, cited as
 * section.item.letter ({@code 3.1.c}). {@link ClauseIndex} joins these with the {@link Enforces}
 * tags of the main code into the compliance matrix: clause -> endpoint/rule -> tests.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Verifies {

    /** One or more clause ids, e.g. {@code {"3.1.b", "3.2.a"}}. */
    String[] value();
}
