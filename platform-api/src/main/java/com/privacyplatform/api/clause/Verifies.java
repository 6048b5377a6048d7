package com.privacyplatform.api.clause;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (method or class) that proves a clause's rule is enforced, cited as
 * section.item.letter ({@code 3.1.c}), and names the enforcing code it exercises
 * ({@link #exercises()}). {@code ClauseIndex} joins these with the {@link Enforces} tags of the main
 * code into the compliance matrix: clause -> endpoint/rule -> tests; the build fails when an
 * {@link Enforces} method, class or field is exercised by no test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Verifies {

    /** One or more clause ids, e.g. {@code {"3.1.b", "3.2.a"}}. */
    String[] value();

    /**
     * The {@link Enforces}-tagged code this test runs through: {@code "RecordRules#inScope"} (a
     * method, every overload), {@code "RiskRules"} (a tagged class), {@code "Caller.field"} (a tagged
     * field); the class by its simple name, or fully qualified where the simple name is ambiguous.
     */
    String[] exercises() default {};
}
