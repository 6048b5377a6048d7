package com.privacyplatform.privacycenter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** Plain-language words for the services' codes and times (1.1: plain and understandable). */
public final class Words {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Words() {
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** A partner's short platform id, shown when its name cannot be looked up (PartnerNames). */
    public static String partner(UUID partnerId) {
        return partnerId == null ? "" : "Partner " + partnerId.toString().substring(0, 8);
    }

    public static String consentState(String decision, String state) {
        if ("REFUSED".equals(decision) && !"SUPERSEDED".equals(state)) {
            return "You refused";
        }
        return switch (state == null ? "" : state) {
            case "GRANTED" -> "Active";
            case "REVOKED" -> "Revoked";
            case "EXPIRED" -> "Expired";
            case "SUPERSEDED" -> "Replaced by a newer decision";
            default -> humanize(state);
        };
    }

    public static String channel(String channel) {
        return switch (channel == null ? "" : channel) {
            case "WEB" -> "on a website";
            case "MOBILE_APP" -> "in a mobile app";
            case "IN_STORE" -> "in a shop";
            case "PHONE" -> "by phone";
            case "PAPER" -> "on paper";
            case "EMAIL" -> "by e-mail";
            case "KIOSK" -> "at a kiosk";
            case "" -> "";
            default -> "via " + humanize(channel);
        };
    }

    public static String requestType(String type) {
        return switch (type == null ? "" : type) {
            case "ACCESS" -> "Access to my data";
            case "CORRECTION" -> "Correction of my data";
            case "DELETION" -> "Deletion of my data";
            case "REVOKE_AUTHORIZATION" -> "Revocation of my consents";
            default -> humanize(type);
        };
    }

    public static String requestStatus(String status) {
        return switch (status == null ? "" : status) {
            case "OPEN" -> "In progress";
            case "COMPLETED" -> "Completed";
            case "AWAITING_SUBJECT_CONFIRMATION" -> "Waiting for your confirmation";
            case "DECLINED" -> "Declined by you";
            case "LINKED" -> "Same as an earlier request (followed there)";
            default -> humanize(status);
        };
    }

    public static String outcome(String outcome) {
        return switch (outcome == null ? "" : outcome) {
            case "FULFILLED" -> "Done by everyone addressed";
            case "PARTIALLY_FULFILLED" -> "Partly done: some partners refused with a legal reason";
            case "NOT_FULFILLED" -> "Refused with a legal reason";
            case "RETAINED" -> "Kept: the partner must keep the data by law or with your express consent";
            case "NO_DATA_HELD" -> "Nobody holds data about you";
            default -> humanize(outcome);
        };
    }

    public static String taskStatus(String status) {
        return switch (status == null ? "" : status) {
            case "OPEN" -> "Not started";
            case "CLAIMED" -> "Being worked on";
            case "COMPLETED" -> "Done";
            case "REJECTED" -> "Refused";
            case "EXEMPT" -> "Exempt (kept by law)";
            default -> humanize(status);
        };
    }

    public static String timelineKind(String kind) {
        return humanize(kind).replace('.', ' ');
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
