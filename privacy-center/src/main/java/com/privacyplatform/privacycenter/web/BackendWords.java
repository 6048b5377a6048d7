package com.privacyplatform.privacycenter.web;

import com.privacyplatform.privacycenter.backend.BackendException;
import com.privacyplatform.privacycenter.backend.Calls;

/** A service's refusal in words for the person: the problem's own title and detail where it gave them. */
final class BackendWords {

    private BackendWords() {
    }

    static String service(String service) {
        return switch (service) {
            case Calls.CONSENT -> "consent service";
            case Calls.DSR -> "request service";
            default -> "platform";
        };
    }

    static String title(BackendException e) {
        if (e.title() != null && !e.title().isBlank()) {
            return e.title();
        }
        return switch (e.status()) {
            case 400, 422 -> "This could not be accepted";
            case 409 -> "Not possible in the current state";
            case 410 -> "No longer available";
            case 412 -> "Changed in the meantime";
            case 429 -> "Too many requests";
            default -> "This could not be done";
        };
    }

    static String detail(BackendException e) {
        String detail = e.detail() == null || e.detail().isBlank() ? fallback(e.status()) : sentence(e.detail());
        return e.clause() == null ? detail : detail + " (policy clause " + e.clause() + ")";
    }

    private static String fallback(int status) {
        return switch (status) {
            case 409 -> "It has already been done or is no longer possible.";
            case 410 -> "It has expired and was erased.";
            case 412 -> "Someone or something changed it while you were looking. Open it again and retry.";
            case 429 -> "Please wait a moment and try again.";
            default -> "The service did not accept it.";
        };
    }

    private static String sentence(String text) {
        String trimmed = text.trim();
        String capital = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
        return capital.endsWith(".") ? capital : capital + ".";
    }
}
