package com.privacyplatform.commons;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.api.vocabulary.Vocabulary.DataCategory;
import com.privacyplatform.api.vocabulary.Vocabulary.Purpose;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = Vocabulary.get();

    @Test
    void sensitiveCategoriesFollowClause22() {
        assertThat(vocabulary.isSensitive("user.government_id.national_identification_number")).isTrue();
        assertThat(vocabulary.isSensitive("user.financial.bank_account")).isTrue();
        assertThat(vocabulary.isSensitive("user.location.precise")).isTrue();
        assertThat(vocabulary.isSensitive("user.biometric")).isTrue();
        assertThat(vocabulary.isSensitive("user.name")).isFalse();
        assertThat(vocabulary.isSensitive("user.unknown.thing")).as("unknown counts as sensitive").isTrue();
    }

    @Test
    @Verifies("2.2")
    void everySensitiveKindThatClause22NamesIsASensitiveCategory() {
        List<String> named = List.of("user.demographic.trade_union_membership", "user.demographic.religious_belief",
                "user.demographic.philosophical_belief", "user.genetic",
                "user.demographic.sex_life_or_sexual_orientation", "user.location.precise", "user.location.imprecise",
                "user.location.trajectory", "user.financial.transaction", "user.financial.order",
                "user.financial.bill", "user.biometric", "user.health");
        for (String id : named) {
            assertThat(vocabulary.isCategory(id)).as(id + " is in the vocabulary").isTrue();
            assertThat(vocabulary.isSensitive(id)).as(id + " is sensitive (2.2)").isTrue();
        }
        // location information without exception: even the coarse one
        DataCategory imprecise = category("user.location.imprecise");
        assertThat(imprecise.sensitive()).isTrue();
        // philosophical beliefs stand beside religious ones, each with its own explanation
        assertThat(category("user.demographic.religious_belief").title()).doesNotContainIgnoringCase("philosoph");
        assertThat(category("user.demographic.philosophical_belief").title()).isEqualTo("Philosophical beliefs");
    }

    @Test
    void everyTermHasATitleAndAPlainLanguageExplanation() {
        // the privacy center shows titles and descriptions as they are (1.1: plain language)
        for (DataCategory c : vocabulary.content().dataCategories()) {
            assertThat(c.title()).as(c.id()).isNotBlank();
            assertThat(c.description()).as(c.id()).isNotBlank().isNotEqualTo("Special category (2.2).");
        }
        for (Purpose p : vocabulary.content().purposes()) {
            assertThat(p.title()).as(p.id()).isNotBlank();
            assertThat(p.description()).as(p.id()).isNotBlank();
        }
    }

    @Test
    @Verifies("3.2.c")
    void purposesThatProfileOrDecideAutomaticallyAreFlagged() {
        assertThat(vocabulary.profilingPurposes())
                .containsExactlyInAnyOrder("fraud_detection", "personalization", "automated_decision_making");
        assertThat(vocabulary.isProfiling("fraud_detection")).isTrue();
        assertThat(vocabulary.isProfiling("personalization")).isTrue();
        assertThat(vocabulary.isProfiling("automated_decision_making")).isTrue();
        assertThat(vocabulary.isProfiling("payment_processing")).isFalse();
        assertThat(vocabulary.isProfiling("marketing.communications")).isFalse();
        assertThat(vocabulary.isProfiling("mind_reading")).as("unknown counts as profiling").isTrue();
        assertThat(vocabulary.isProfiling(null)).isTrue();
        for (String id : vocabulary.profilingPurposes()) {
            assertThat(purpose(id).description()).as(id + " says it needs the platform's authorization")
                    .contains("3.2.c");
        }
    }

    @Test
    void onlyAffirmativeMethodsAreExpress() {
        assertThat(vocabulary.isExpress("CHECKBOX")).isTrue();
        assertThat(vocabulary.isExpress("CLICK")).isTrue();
        assertThat(vocabulary.isExpress("SIGNATURE")).isTrue();
        assertThat(vocabulary.isExpress("PRE_TICKED_BOX")).isFalse();
        assertThat(vocabulary.isExpress("IMPLIED")).isFalse();
        assertThat(vocabulary.isExpress("TELEPATHY")).isFalse();
    }

    @Test
    void oneOwnPurposeConsentsToRetentionAfterTheCooperationAndNoOtherOutlivesTermination() {
        assertThat(vocabulary.survivesTermination("retention_after_cooperation")).isTrue();
        assertThat(vocabulary.retentionPurposes()).containsExactly("retention_after_cooperation");
        assertThat(vocabulary.survivesTermination("legal_compliance")).isFalse();
        assertThat(vocabulary.survivesTermination("mind_reading")).isFalse();
        assertThat(vocabulary.survivesTermination(null)).isFalse();
    }

    @Test
    void knowsPurposesAndCountries() {
        assertThat(vocabulary.isPurpose("automated_decision_making")).isTrue();
        assertThat(vocabulary.isPurpose("mind_reading")).isFalse();
        assertThat(Vocabulary.isCountryCode("CN")).isTrue();
        assertThat(Vocabulary.isCountryCode("cn")).isFalse();
        assertThat(Vocabulary.isCountryCode("XX")).isFalse();
        assertThat(vocabulary.version()).isNotBlank();
    }

    private DataCategory category(String id) {
        return vocabulary.content().dataCategories().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private Purpose purpose(String id) {
        return vocabulary.content().purposes().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
