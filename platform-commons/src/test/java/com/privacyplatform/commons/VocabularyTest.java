package com.privacyplatform.commons;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.commons.vocabulary.Vocabulary;
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
    void onlyAffirmativeMethodsAreExpress() {
        assertThat(vocabulary.isExpress("CHECKBOX")).isTrue();
        assertThat(vocabulary.isExpress("CLICK")).isTrue();
        assertThat(vocabulary.isExpress("SIGNATURE")).isTrue();
        assertThat(vocabulary.isExpress("PRE_TICKED_BOX")).isFalse();
        assertThat(vocabulary.isExpress("IMPLIED")).isFalse();
        assertThat(vocabulary.isExpress("TELEPATHY")).isFalse();
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
}
