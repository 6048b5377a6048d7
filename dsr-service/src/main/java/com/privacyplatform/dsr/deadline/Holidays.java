package com.privacyplatform.dsr.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Public holidays from configuration ({@code dsr.holidays}): {@code 2026-12-25} applies to every
 * jurisdiction, {@code DE:2026-12-26} to one country. Business days are Monday to Friday minus these.
 */
public final class Holidays {

    private static final Pattern ENTRY = Pattern.compile("(?:([A-Z]{2}):)?(\\d{4}-\\d{2}-\\d{2})");

    private final Set<LocalDate> everywhere;
    private final Map<String, Set<LocalDate>> byCountry;

    private Holidays(Set<LocalDate> everywhere, Map<String, Set<LocalDate>> byCountry) {
        this.everywhere = Set.copyOf(everywhere);
        this.byCountry = Map.copyOf(byCountry);
    }

    public static Holidays none() {
        return new Holidays(Set.of(), Map.of());
    }

    /** @throws IllegalArgumentException naming the first malformed entry, so a bad configuration fails at boot */
    public static Holidays parse(List<String> entries) {
        Set<LocalDate> everywhere = new HashSet<>();
        Map<String, Set<LocalDate>> byCountry = new HashMap<>();
        for (String raw : entries == null ? List.<String>of() : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            var match = ENTRY.matcher(entry);
            if (!match.matches()) {
                throw new IllegalArgumentException("dsr.holidays: '" + entry + "' is not YYYY-MM-DD or CC:YYYY-MM-DD");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(match.group(2));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("dsr.holidays: '" + entry + "' is not a calendar date");
            }
            if (match.group(1) == null) {
                everywhere.add(date);
            } else {
                byCountry.computeIfAbsent(match.group(1), c -> new HashSet<>()).add(date);
            }
        }
        return new Holidays(everywhere, byCountry);
    }

    public boolean isHoliday(LocalDate date, String country) {
        return everywhere.contains(date)
                || (country != null && byCountry.getOrDefault(country, Set.of()).contains(date));
    }

    public boolean isBusinessDay(LocalDate date, String country) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date, country);
    }
}
