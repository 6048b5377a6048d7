package com.privacyplatform.breach.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Personal values inside free text are masked with the platform's rules (3.2.d); the chronology stays readable. */
class TextRedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an e-mail address                 | write to li.wei@example.com today      | write to l***@example.com today
            an international phone number     | call +86 138 1234 5678 now             | call +86 ****5678 now
            a national phone number           | call 13812345678.                      | call ****5678.
            a US phone number with brackets   | dial (415) 555-2671                    | dial ****2671
            a bank card with spaces           | card 4111 1111 1111 1111 used          | card 411111******1111 used
            a bank card with dashes           | card 4111-1111-1111-1111               | card 411111******1111
            a national id number              | id 110101199003071234                  | id 11**********34
            a national id ending in X         | id 11010119900307123X                  | id 11**********3X
            a passport number                 | passport E12345678 scanned             | passport E******78 scanned
            a Chinese licence plate           | car 京A12345 parked                     | car 京A***5 parked
            an IPv4 address                   | login from 192.168.10.20               | login from ****
            a long number of unknown kind     | account 12345678901234567890123        | account ****
            """)
    @Verifies(value = "3.2.d", exercises = {"TextRedactor", "FreeText#show"})
    void personalValuesFoundInTextAreMasked(String what, String text, String expected) {
        assertThat(TextRedactor.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dates and times with offsets      | found 2026-11-24T09:30:00+08:00, fixed 2026-11-25 10:05
            short counts and amounts          | 2400 customers, 3 files, order 12345, EUR 999.50
            reference codes inside words      | ticket INC1234567 and case CNIL-ABC
            durations                         | window PT72H and P30D
            """)
    void ordinaryTextStaysReadable(String what, String text) {
        assertThat(TextRedactor.redact(text)).isEqualTo(text);
    }

    @Test
    void nothingBecomesNothing() {
        assertThat(TextRedactor.redact(null)).isNull();
        assertThat(TextRedactor.redact("")).isEmpty();
    }

    @Test
    @Verifies(value = "3.2.d", exercises = {"TextRedactor", "FreeText#show"})
    void severalValuesInOneTextAreEachMasked() {
        assertThat(TextRedactor.redact("li.wei@example.com, 13812345678 and zhang@example.cn"))
                .isEqualTo("l***@example.com, ****5678 and z***@example.cn");
    }
}
