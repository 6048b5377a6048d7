package com.privacyplatform.commons.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Numeric query parameters ({@code ?limit=abc}, {@code ?n=99999999999}) that are not numbers are
 * bad input: a 400 validation problem naming the parameter. Without this provider JAX-RS must answer
 * a failed query-parameter conversion with a bare 404 (Jakarta REST 3.2), which tells the client
 * nothing. Path parameters keep the 404: a malformed id names no resource. As for every query
 * parameter ({@link QueryParams}), a blank value of a boxed type ({@code ?limit=}) is the same as
 * none: null, the default.
 */
@Provider
public class NumericQueryParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParamName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Numeric<>(name, rawType == Integer.class, Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Numeric<>(name, rawType == Long.class, Long::valueOf);
        }
        return null;
    }

    private static String queryParamName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof RestQuery query) {
                return query.value();
            }
        }
        return null;
    }

    private record Numeric<N extends Number>(String name, boolean boxed, Function<String, N> parse)
            implements ParamConverter<N> {

        @Override
        public N fromString(String value) {
            if (value == null || boxed && value.isBlank()) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException(QueryParams.invalid(name, "must be an integer"));
            }
        }

        @Override
        public String toString(N value) {
            return value == null ? null : value.toString();
        }
    }
}
