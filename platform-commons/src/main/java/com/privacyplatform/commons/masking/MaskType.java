package com.privacyplatform.commons.masking;

/**
 * The kinds of personal data that policy clause 3.2.d requires to be masked whenever a response
 * displays them to someone other than the data's owner. Each constant selects one rule of
 * {@link Masking}; {@link Masking#mask(MaskType, String)} dispatches on it.
 */
public enum MaskType {

    /** Resident / national identity card number, e.g. {@code 110101199003071234} -> {@code 11**********34}. */
    NATIONAL_ID,

    /** Passport number, e.g. {@code E12345678} -> {@code E******78}. */
    PASSPORT,

    /** Phone number, international or national, e.g. {@code +8613812345678} -> {@code +86 ****5678}. */
    PHONE,

    /** Bank card number (PAN), e.g. {@code 6222 0212 3456 7890} -> {@code 622202******7890}. */
    BANK_CARD,

    /** E-mail address, e.g. {@code zhang.san@example.com} -> {@code z***@example.com}. */
    EMAIL,

    /** Free-text postal address, e.g. {@code 221B Baker Street, London NW1 6XE, UK} -> {@code ****, UK}. */
    POSTAL_ADDRESS,

    /** Vehicle license plate, e.g. {@code 京A12345} -> {@code 京A***5}. */
    LICENSE_PLATE,

    /** Hide everything: any non-null value becomes {@code ****}. */
    FULL
}
