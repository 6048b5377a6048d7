package com.privacyplatform.privacycenter.web;

import com.privacyplatform.privacycenter.i18n.Language;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The person's language and time zone (1.1: plain and understandable words): every text of a page
 * comes from the language's message bundle, and the services' codes and times are put into words
 * here. Templates read {@code w.t('key')}; {@code {0}}, {@code {1}} ... in a text are its arguments.
 */
@TemplateData
public final class Words {

    private static final Logger LOG = Logger.getLogger(Words.class);

    private final Language language;
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter day;

    public Words(Language language, ZoneId zone) {
        this.language = language;
        this.zone = zone == null ? ZoneOffset.UTC : zone;
        this.time = DateTimeFormatter.ofPattern(text("format.time"), language.locale()).withZone(this.zone);
        this.day = DateTimeFormatter.ofPattern(text("format.day"), language.locale());
    }

    public Language language() {
        return language;
    }

    /** The BCP 47 tag of the page's language, for {@code <html lang>}. */
    public String tag() {
        return language.tag();
    }

    public ZoneId zone() {
        return zone;
    }

    public String t(String key) {
        return format(text(key));
    }

    public String t(String key, Object a) {
        return format(text(key), a);
    }

    public String t(String key, Object a, Object b) {
        return format(text(key), a, b);
    }

    public String t(String key, Object a, Object b, Object c) {
        return format(text(key), a, b, c);
    }

    /** {@code key.one} for one, {@code key.other} otherwise, with the number as {@code {0}}. */
    public String count(String key, Number n) {
        return t(key + (n.longValue() == 1 ? ".one" : ".other"), n);
    }

    /** True when the bundle has this key (for codes that have words). */
    public boolean has(String key) {
        return language.texts().containsKey(key);
    }

    /** The translation of a vocabulary or deadline-table text; null in the default language (the source's own). */
    public String reference(String key) {
        return language.reference().get(key);
    }

    private String text(String key) {
        String text = language.texts().get(key);
        if (text == null) {
            LOG.errorf("no text %s in language %s", key, language.tag());
            return key;
        }
        return text;
    }

    /** Replaces {@code {0}}, {@code {1}}, ... (no MessageFormat: apostrophes stay as they are). */
    static String format(String text, Object... args) {
        String result = text;
        for (int i = 0; i < args.length; i++) {
            result = result.replace("{" + i + "}", args[i] == null ? "" : String.valueOf(args[i]));
        }
        return result;
    }

    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZoneOffset offset = zone.getRules().getOffset(instant);
        return time.format(instant) + " " + (offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId());
    }

    public String day(LocalDate date) {
        return date == null ? "" : day.format(date);
    }

    /** A partner's short platform id, shown when its name cannot be looked up (PartnerNames). */
    public String partner(UUID partnerId) {
        return partnerId == null ? "" : t("partner.short", partnerId.toString().substring(0, 8));
    }

    /** The words for a service's code ({@code prefix.CODE} in the bundle); an unknown code humanized. */
    public String code(String prefix, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String key = prefix + "." + code;
        return has(key) ? t(key) : humanize(code);
    }

    public String consentState(String decision, String state) {
        if ("REFUSED".equals(decision) && !"SUPERSEDED".equals(state)) {
            return t("consent.state.REFUSED");
        }
        return code("consent.state", state);
    }

    public String channel(String channel) {
        return code("channel", channel);
    }

    public String requestType(String type) {
        return code("request.type", type);
    }

    public String requestStatus(String status) {
        return code("request.status", status);
    }

    public String outcome(String outcome) {
        return code("request.outcome", outcome);
    }

    public String taskStatus(String status) {
        return code("task.status", status);
    }

    public String timelineKind(String kind) {
        return has("timeline." + kind) ? t("timeline." + kind) : humanize(kind).replace('.', ' ');
    }

    /** {@code SOME_CODE} or {@code some-code} -> {@code Some code}. */
    public static String humanize(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
