package com.privacyplatform.commons.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Verifies;
import org.junit.jupiter.api.Test;

/** 3.2.d: what an officer sees of a dead letter keeps ids and facts and hides anything that could be personal. */
class DeadLetterMaskingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Verifies(value = "3.2.d", exercises = "DeadLetterMasking#masked")
    void idsFactsAndTheVocabularyStayEveryOtherStringIsMasked() throws Exception {
        JsonNode event = JSON.readTree("""
                {"specversion": "1.0", "id": "019ac2f1-5b7e-7d3a-9c41-2f0e8d1b6a55", "source": "/consent-service",
                 "type": "consent.granted", "subject": "2b9ab027-cb68-523d-81ec-293ae3eaf63b",
                 "time": "2026-11-26T01:02:03.456789Z", "datacontenttype": "application/json",
                 "data": {"partnerId": "2b9ab027-cb68-523d-81ec-293ae3eaf63b", "purpose": "marketing.communications",
                          "categories": ["user.contact.email", "jane.doe@example.com"], "status": "SUSPENDED",
                          "country": "DE", "retention": "P1M", "count": 3, "express": true, "none": null,
                          "phone": "+44 20 7946 0958", "name": "Jane Doe", "reason": "audit finding overdue",
                          "nested": {"plate": "B-AB 1234", "at": "2026-11-26T01:02:03Z"}}}
                """);
        JsonNode masked = DeadLetterMasking.masked(event);
        assertThat(masked.path("id").asText()).isEqualTo("019ac2f1-5b7e-7d3a-9c41-2f0e8d1b6a55");
        assertThat(masked.path("type").asText()).isEqualTo("consent.granted");
        assertThat(masked.path("source").asText()).isEqualTo("/consent-service");
        assertThat(masked.path("subject").asText()).isEqualTo("2b9ab027-cb68-523d-81ec-293ae3eaf63b");
        JsonNode data = masked.path("data");
        assertThat(data.path("partnerId").asText()).isEqualTo("2b9ab027-cb68-523d-81ec-293ae3eaf63b");
        assertThat(data.path("purpose").asText()).isEqualTo("marketing.communications");
        assertThat(data.path("categories").get(0).asText()).isEqualTo("user.contact.email");
        assertThat(data.path("categories").get(1).asText()).isEqualTo("****");
        assertThat(data.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(data.path("country").asText()).isEqualTo("DE");
        assertThat(data.path("retention").asText()).isEqualTo("P1M");
        assertThat(data.path("count").asInt()).isEqualTo(3);
        assertThat(data.path("express").asBoolean()).isTrue();
        assertThat(data.path("none").isNull()).isTrue();
        for (String field : new String[] {"phone", "name", "reason"}) {
            assertThat(data.path(field).asText()).as(field).isEqualTo("****");
        }
        assertThat(data.path("nested").path("plate").asText()).isEqualTo("****");
        assertThat(data.path("nested").path("at").asText()).isEqualTo("2026-11-26T01:02:03Z");
        assertThat(masked.toString()).doesNotContain("jane", "Jane", "7946", "1234", "overdue");
    }

    @Test
    @Verifies(value = "3.2.d", exercises = "DeadLetterMasking#masked")
    void attributesOfAnUnexpectedShapeAreMaskedToo() throws Exception {
        JsonNode masked = DeadLetterMasking.masked(JSON.readTree("""
                {"id": "jane.doe@example.com", "subject": "Jane Doe", "type": "not a type", "extra": "0044 20 7946"}
                """));
        assertThat(masked.path("id").asText()).isEqualTo("****");
        assertThat(masked.path("subject").asText()).isEqualTo("****");
        assertThat(masked.path("type").asText()).isEqualTo("****");
        assertThat(masked.path("extra").asText()).isEqualTo("****");
    }
}
