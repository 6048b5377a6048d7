package com.privacyplatform.commons.http;

import java.util.Locale;

/**
 * Whether an {@code Accept} header admits a media type (RFC 9110 12.5.1): the most specific
 * matching range decides ({@code application/json} over {@code application/*} over the full
 * wildcard), and {@code q=0} excludes. No header, or an empty one, admits anything.
 */
public final class MediaRanges {

    private MediaRanges() {
    }

    public static boolean accepts(String accept, String mediaType) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String wanted = mediaType.toLowerCase(Locale.ROOT);
        String wantedType = wanted.substring(0, wanted.indexOf('/'));
        int bestSpecificity = -1;
        boolean bestAdmits = false;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            int specificity = name.equals(wanted) ? 2 : name.equals(wantedType + "/*") ? 1 : name.equals("*/*") ? 0
                    : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                bestAdmits = quality(parts) > 0;
            }
        }
        return bestAdmits;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 1; // an unreadable weight does not exclude
                }
            }
        }
        return 1;
    }
}
