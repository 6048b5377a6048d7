package com.privacyplatform.commons.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** Creates test widgets through the API (the caller's @TestSecurity identity applies). */
public final class Widgets {

    private Widgets() {
    }

    public static String create(String name) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"ownerEmail\":\"owner@example.com\",\"size\":3}")
                .post("/test/widgets")
                .then().log().ifValidationFails().statusCode(201)
                .extract().path("id");
    }
}
