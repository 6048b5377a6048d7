package com.privacyplatform.privacycenter.i18n;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One language of the privacy center: its BCP 47 tag, its name in itself (for the switcher), the
 * browser language ranges it answers ({@code language.accept}), and its texts - the page texts of
 * {@code i18n/messages_<tag>.properties} and, for every language but the default, the translations of
 * the platform's vocabulary and deadline table ({@code i18n/reference_<tag>.properties}).
 */
@TemplateData
public record Language(String tag, Locale locale, String name, List<String> accepts, Map<String, String> texts,
        Map<String, String> reference) {

    /** True when a browser's language range (e.g. {@code zh-Hans-CN}) asks for this language. */
    public boolean answers(String range) {
        for (String accepted : accepts) {
            boolean wildcard = accepted.endsWith("-*");
            String stem = wildcard ? accepted.substring(0, accepted.length() - 2) : accepted;
            if (range.equalsIgnoreCase(stem)
                    || wildcard && range.toLowerCase(Locale.ROOT).startsWith(stem.toLowerCase(Locale.ROOT) + "-")) {
                return true;
            }
        }
        return false;
    }
}
