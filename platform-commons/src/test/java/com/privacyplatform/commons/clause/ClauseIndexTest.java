package com.privacyplatform.commons.clause;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClauseIndexTest {

    @Enforces("9.9.z")
    static class InventedClause {
    }

    @jakarta.ws.rs.Path("/things/")
    static class ThingResource {
        @jakarta.ws.rs.POST
        @jakarta.ws.rs.Path("{id}/revocation/")
        @Enforces("3.2.b")
        public void revoke() {
        }

        @Enforces("3.2.b")
        void rule() {
        }
    }

    static class ThingTests {
        @Verifies({"3.2.b", "8.8.x"})
        void revokingProvesTheRule() {
        }
    }

    @Test
    void listsTheCodeThatEnforcesEachClause() {
        ClauseIndex index = ClauseIndex.scan(Path.of("target/classes"));
        assertThat(index.byClause().get("3.4.f"))
                .contains("com.privacyplatform.commons.identity.Caller#maySeePartner",
                        "com.privacyplatform.commons.identity.Caller#maySeeSubjectObject");
        assertThat(index.byClause().get("3.2.d")).contains("com.privacyplatform.commons.identity.Caller#ownsValuesOf");
        assertThat(index.byClause().get("4.1")).contains("com.privacyplatform.commons.audit.AuditResource");
    }

    @Test
    void everyTagInTheLibraryNamesARealClause() throws Exception {
        ClauseIndex index = ClauseIndex.scan(Path.of("target/classes"));
        assertThat(index.unknownClauses()).isEmpty();
        Files.writeString(Path.of("target/compliance-matrix-commons.md"), index.toMarkdown());
    }

    @Test
    void anInventedClauseIsReported() {
        ClauseIndex index = ClauseIndex.scan(Path.of("target/test-classes"));
        assertThat(index.unknownClauses()).contains("9.9.z");
        assertThat(index.toMarkdown()).contains("| 9.9.z | (unknown clause) |");
    }

    @Test
    void resourceMethodsShowTheirEndpointAndTestsJoinTheirClause() {
        ClauseIndex index = ClauseIndex.scan(Path.of("target/test-classes"));
        String resource = ThingResource.class.getName();
        assertThat(index.byClause().get("3.2.b")).containsExactly(
                "POST /things/{id}/revocation " + resource + "#revoke", resource + "#rule");
        assertThat(index.testsByClause().get("3.2.b")).containsExactly(ThingTests.class.getName() + "#revokingProvesTheRule");
        assertThat(index.unknownClauses()).contains("8.8.x", "9.9.z");
        assertThat(index.enforcedButUntested()).contains("9.9.z").doesNotContain("3.2.b");
        assertThat(index.testedButNotEnforced()).contains("8.8.x").doesNotContain("3.2.b");
        assertThat(index.toMarkdown()).contains("| 3.2.b | " + ClauseIndex.titleOf("3.2.b") + " | `POST /things/{id}/revocation "
                + resource + "#revoke`<br>`" + resource + "#rule` | `" + ThingTests.class.getName()
                + "#revokingProvesTheRule` |")
                .contains("| 9.9.z | (unknown clause) | `" + InventedClause.class.getName() + "` | - |");
    }

    @Test
    void clausesSortNumerically() {
        assertThat(ClauseIndex.compareClauses("3.1.c", "3.10.a")).isNegative();
        assertThat(ClauseIndex.compareClauses("3.5.c", "3.5.c.b")).isNegative();
        assertThat(ClauseIndex.titleOf("3.1.c")).contains("express consent");
    }
}
