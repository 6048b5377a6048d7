package com.privacyplatform.breach.support;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Incident report bodies: a plausible default that each test changes where it matters. */
public final class Reports {

    /** RFC 3339 with seconds and the offset written out (never a local time). */
    public static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Map<String, Object> body = new LinkedHashMap<>();

    private Reports() {
        body.put("kind", "SUSPECTED_BREACH");
        body.put("discoveredAt", ago(Duration.ofHours(1), ZoneOffset.UTC));
        body.put("description", "Unusual export volume on the order API");
        body.put("categories", List.of("user.name"));
        body.put("affectedSubjects", 10);
        body.put("sensitiveDataInvolved", false);
        body.put("dataEncrypted", false);
        body.put("containmentMeasures", "Export endpoint rate-limited");
        body.put("jurisdictions", List.of("DE"));
    }

    public static Reports report() {
        return new Reports();
    }

    public Reports with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Reports without(String field) {
        body.remove(field);
        return this;
    }

    public Map<String, Object> body() {
        return body;
    }

    /** Reports it as partner A; returns the new incident's id. */
    public String create() {
        return post(As.partnerA().body(body)).then().statusCode(201).extract().path("id");
    }

    public String createAsB() {
        return post(As.partnerB().body(body)).then().statusCode(201).extract().path("id");
    }

    public static Response post(io.restassured.specification.RequestSpecification spec) {
        return spec.post("/incidents");
    }

    /** An instant {@code ago}, written in the given offset. */
    public static String ago(Duration ago, ZoneOffset offset) {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(ago).truncatedTo(ChronoUnit.SECONDS)
                .withOffsetSameInstant(offset).format(RFC3339);
    }

    /** The same instant as {@link #ago} would give, as the service answers it: UTC with Z. */
    public static String utc(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }

    public static String plus(String rfc3339, Duration duration) {
        return OffsetDateTime.parse(rfc3339).plus(duration).toInstant().toString();
    }
}
