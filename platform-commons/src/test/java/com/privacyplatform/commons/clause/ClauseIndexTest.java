package com.privacyplatform.commons.clause;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.clause.ClauseIndex;
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

    static class ExercisingTests {
        @Verifies(value = "3.2.b", exercises = {"ThingResource#revoke", "NoSuch#thing"})
        void revokingThroughTheEndpoint() {
        }

        @Verifies(value = "1.1", exercises = "ClauseIndexTest$ThingResource#rule")
        void namesCodeOfAnotherClause() {
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
        ClauseIndex index = fixtures();
        String resource = ThingResource.class.getName();
        assertThat(index.byClause().get("3.2.b")).containsExactly(
                "POST /things/{id}/revocation " + resource + "#revoke", resource + "#rule");
        assertThat(index.testsByClause().get("3.2.b")).containsExactly(
                ExercisingTests.class.getName() + "#revokingThroughTheEndpoint",
                ThingTests.class.getName() + "#revokingProvesTheRule");
        assertThat(index.unknownClauses()).contains("8.8.x", "9.9.z");
        assertThat(index.enforcedButUntested()).contains("9.9.z").doesNotContain("3.2.b");
        assertThat(index.testedButNotEnforced()).contains("8.8.x").doesNotContain("3.2.b");
        assertThat(index.toMarkdown()).contains("| 3.2.b | " + ClauseIndex.titleOf("3.2.b") + " | `POST /things/{id}/revocation "
                + resource + "#revoke`<br>`" + resource + "#rule` | `" + ExercisingTests.class.getName()
                + "#revokingThroughTheEndpoint`<br>`" + ThingTests.class.getName() + "#revokingProvesTheRule` |")
                .contains("| 9.9.z | (unknown clause) | `" + InventedClause.class.getName() + "` | - |");
    }

    @Test
    void everyEnforcingMethodNeedsATestNamingItAndEveryNameMustBeCodeOfTheTestsClauses() {
        ClauseIndex index = fixtures();
        String resource = ThingResource.class.getName();
        String tests = ExercisingTests.class.getName();
        assertThat(index.testsByEnforcingCode().get("POST /things/{id}/revocation " + resource + "#revoke"))
                .containsExactly(tests + "#revokingThroughTheEndpoint");
        assertThat(index.enforcingCodeNoTestExercises())
                .containsExactlyInAnyOrder(resource + "#rule", InventedClause.class.getName());
        assertThat(index.badExercises()).containsExactlyInAnyOrder(
                tests + "#revokingThroughTheEndpoint -> NoSuch#thing: names no @Enforces code",
                tests + "#namesCodeOfAnotherClause -> ClauseIndexTest$ThingResource#rule: enforces none of the"
                        + " test's clauses [1.1]");
        assertThat(index.toMatrix()).contains("| `" + resource + "#rule` | 3.2.b | - |")
                .contains("| `POST /things/{id}/revocation " + resource + "#revoke` | 3.2.b | `" + tests
                        + "#revokingThroughTheEndpoint` |");
    }

    @Test
    void aSimpleClassNameThatTwoTaggedClassesShareIsAmbiguous() {
        ClauseIndex index = ClauseIndex.scan(Path.of("target/test-classes"))
                .without(t -> !t.startsWith(ClauseIndexTest.class.getName()) && !t.contains(".twin."));
        assertThat(index.badExercises()).anyMatch(b -> b.contains("-> Twin#rule: ambiguous"));
    }

    @Test
    void theMatrixListsEveryClauseOfTheCatalogueAsEnforcedOrganisationalOrNotCovered() {
        ClauseIndex index = fixtures();
        assertThat(index.coverage().keySet()).containsExactlyElementsOf(ClauseIndex.catalogue().keySet());
        assertThat(index.coverage().get("3.2.b")).isEqualTo(ClauseIndex.Coverage.ENFORCED);
        assertThat(index.coverage().get("3.4.a")).isEqualTo(ClauseIndex.Coverage.ORGANISATIONAL);
        assertThat(index.coverage().get("3.3.a.b")).isEqualTo(ClauseIndex.Coverage.NOT_COVERED);
        assertThat(index.toMatrix())
                .contains("| 3.3.a.b | " + ClauseIndex.titleOf("3.3.a.b") + " | **not covered** | - | - |")
                .contains("| 3.4.a | " + ClauseIndex.titleOf("3.4.a") + " | organisational: ")
                .contains("| 3.2.b | " + ClauseIndex.titleOf("3.2.b") + " | enforced | ");
        assertThat(index.organisationalButEnforced()).isEmpty();
    }

    /** Only this class's own fixtures. */
    private static ClauseIndex fixtures() {
        return ClauseIndex.scan(Path.of("target/test-classes"))
                .without(t -> !t.startsWith(ClauseIndexTest.class.getName()));
    }

    @Test
    void clausesSortNumerically() {
        assertThat(ClauseIndex.compareClauses("3.1.c", "3.10.a")).isNegative();
        assertThat(ClauseIndex.compareClauses("3.5.c", "3.5.c.b")).isNegative();
        assertThat(ClauseIndex.titleOf("3.1.c")).contains("express consent");
    }
}
