package com.privacyplatform.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedMethodsTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/consents": {"get": {}, "post": {}},
              "/consents/{consentId}": {"get": {}, "parameters": []},
              "/consents/check": {"post": {}},
              "/consents/{consentId}/revocation": {"post": {}},
              "/partners/{partnerId}/scope": {"put": {}, "patch": {}, "summary": "x"}}}
            """;

    @Test
    void eachPathGetsItsOwnMethodsPlusHeadForGetAndOptions() throws Exception {
        List<AllowedMethods.PathMethods> table = AllowedMethods.parse(new ObjectMapper().readTree(DOCUMENT));

        assertThat(AllowedMethods.find(table, "/consents")).contains("GET, POST, HEAD, OPTIONS");
        assertThat(AllowedMethods.find(table, "/consents/")).contains("GET, POST, HEAD, OPTIONS");
        assertThat(AllowedMethods.find(table, "/consents/0190a0a0-0000-7000-8000-000000000001"))
                .contains("GET, HEAD, OPTIONS");
        assertThat(AllowedMethods.find(table, "/consents/abc/revocation")).contains("POST, OPTIONS");
        assertThat(AllowedMethods.find(table, "/partners/p-1/scope")).contains("PUT, PATCH, OPTIONS");
    }

    @Test
    void literalPathsWinOverTemplatesAsInJaxRs() throws Exception {
        List<AllowedMethods.PathMethods> table = AllowedMethods.parse(new ObjectMapper().readTree(DOCUMENT));

        assertThat(AllowedMethods.find(table, "/consents/check")).contains("POST, OPTIONS");
    }

    @Test
    void undocumentedPathsHaveNoAllow() throws Exception {
        List<AllowedMethods.PathMethods> table = AllowedMethods.parse(new ObjectMapper().readTree(DOCUMENT));

        assertThat(AllowedMethods.find(table, "/nothing")).isEmpty();
        assertThat(AllowedMethods.find(table, "/consents/a/b/c")).isEmpty();
        assertThat(AllowedMethods.find(List.of(), "/consents")).isEmpty();
    }
}
