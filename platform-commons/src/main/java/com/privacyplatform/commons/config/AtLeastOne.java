package com.privacyplatform.commons.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * A configuration value that must be a whole number of at least 1 ({@code @WithConverter(AtLeastOne.class)}):
 * a lower value stops the start with the property's name, as a bean-validation {@code @Min(1)} did.
 * A converter instead of {@code @Min}: one constrained {@code @ConfigMapping} makes Quarkus build a
 * Hibernate Validator over every configuration class at start, about a fifth of the main thread's
 * start-up work (issue 19, gateway/README.md "Performance").
 */
public final class AtLeastOne implements Converter<Integer> {

    @Override
    public Integer convert(String value) {
        int number = Integer.parseInt(value.trim());
        if (number < 1) {
            throw new IllegalArgumentException("must be at least 1, was " + number);
        }
        return number;
    }
}
