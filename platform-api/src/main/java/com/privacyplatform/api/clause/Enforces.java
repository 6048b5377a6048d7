package com.privacyplatform.api.clause;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code that enforces a clause of the Personal Information Processing Standards, cited as
 * section.item.letter ({@code 3.1.c}). {@link ClauseIndex} lists clause -> code for the
 * compliance matrix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface Enforces {

    /** One or more clause ids, e.g. {@code {"3.1.b", "3.2.a"}}. */
    String[] value();

    /** Optional: how the code enforces it, for the matrix. */
    String note() default "";
}
