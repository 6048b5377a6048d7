package com.privacyplatform.testing;

import static io.restassured.RestAssured.given;

/**
 * Real access tokens from the local demo realm {@code privacy} (infra/keycloak/realm-privacy.json):
 * client credentials for the demo partners, password grant for the demo users.
 */
public final class Tokens {

    public static final String ISSUER = System.getProperty("keycloak.issuer", "http://localhost:8180/realms/privacy");
    public static final String TOKEN_URL = ISSUER + "/protocol/openid-connect/token";

    private Tokens() {
    }

    /** {@code partner-demo-a} / {@code partner-demo-b}: secret is {@code <client>-secret} in the demo realm. */
    public static String partner(String client) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", client)
                .formParam("client_secret", client + "-secret")
                .post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }

    /** Demo users {@code alice}, {@code bob}, {@code olivia}, {@code aaron}: password {@code <user>-demo-pw}. */
    public static String user(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "privacy-cli")
                .formParam("username", username).formParam("password", username + "-demo-pw")
                .post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }
}
