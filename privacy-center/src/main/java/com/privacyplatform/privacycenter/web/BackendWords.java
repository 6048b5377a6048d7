package com.privacyplatform.privacycenter.web;

import com.privacyplatform.privacycenter.backend.BackendException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service's refusal in words for the person. The services write their problems in English: a page
 * in English shows the problem's own title and detail; a page in another language shows its own words
 * for the status, followed by what the service said (marked as the service's words).
 */
public final class BackendWords {

    /** The language the services write their problem titles and details in. */
    static final String SERVICE_LANGUAGE = "en";

    private BackendWords() {
    }

    static String service(String service, Words w) {
        return w.code("service", service);
    }

    static String title(BackendException e, Words w) {
        if (present(e.title()) && (e.localized() || speaksTheServicesLanguage(w))) {
            return e.title();
        }
        return w.has("problem.title." + e.status()) ? w.t("problem.title." + e.status()) : w.t("problem.title.other");
    }

    static String detail(BackendException e, Words w) {
        String detail;
        if (present(e.detail()) && (e.localized() || speaksTheServicesLanguage(w))) {
            detail = sentence(e.detail());
        } else {
            String own = w.has("problem.detail." + e.status()) ? w.t("problem.detail." + e.status())
                    : w.t("problem.detail.other");
            detail = present(e.detail()) ? own + " " + w.t("problem.serviceSaid", sentence(e.detail())) : own;
        }
        return e.clause() == null ? detail : w.t("problem.clause", detail, e.clause());
    }

    /** A refused form's problems: the title, the detail and the service's messages per field. */
    public static List<String> refusal(BackendException e, Words w) {
        List<String> problems = new ArrayList<>();
        problems.add(title(e, w));
        if (present(e.detail()) || !speaksTheServicesLanguage(w)) {
            problems.add(detail(e, w));
        }
        for (String message : e.fieldMessages()) {
            problems.add(speaksTheServicesLanguage(w) || e.localized() ? message : w.t("problem.serviceSaid", message));
        }
        return problems;
    }

    static boolean speaksTheServicesLanguage(Words w) {
        return SERVICE_LANGUAGE.equals(w.language().locale().getLanguage().toLowerCase(Locale.ROOT));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String sentence(String text) {
        String trimmed = text.trim();
        String capital = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
        return capital.endsWith(".") || capital.endsWith("。") ? capital : capital + ".";
    }
}
