package com.privacyplatform.dsr.deadline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deadline table, kept as data in the versioned resource {@code deadline-policies.json}:
 * jurisdiction (or request origin) -> policy, with a single fallback where no law is named.
 * Checked when loaded: unique ids and countries, exactly one fallback, extensions in the unit of
 * the response term.
 */
public final class DeadlinePolicies {

    public static final String RESOURCE = "/deadline-policies.json";

    /** The file's shape. */
    @RegisterForReflection
    public record Table(String version, String description, List<DeadlinePolicy> policies) {
    }

    private final Table table;
    private final Map<String, DeadlinePolicy> byId = new HashMap<>();
    private final Map<String, DeadlinePolicy> byCountry = new HashMap<>();
    private final Map<String, DeadlinePolicy> byOrigin = new HashMap<>();
    private final DeadlinePolicy fallback;

    DeadlinePolicies(Table table) {
        this.table = table;
        DeadlinePolicy found = null;
        for (DeadlinePolicy p : table.policies()) {
            require(byId.put(p.id(), p) == null, "duplicate policy id " + p.id());
            require(p.response() != null, p.id() + ": no response term");
            require(p.extension() == null || p.extension().unit() == p.response().unit(),
                    p.id() + ": the extension must count in the unit of the response term");
            require(p.sources() != null && !p.sources().isEmpty(), p.id() + ": no sources cited");
            p.countries().forEach(c -> require(byCountry.put(c, p) == null, "country " + c + " in two policies"));
            p.origins().forEach(o -> require(byOrigin.put(o, p) == null, "origin " + o + " in two policies"));
            if (p.fallback()) {
                require(found == null, "more than one fallback policy");
                found = p;
            }
        }
        require(found != null, "no fallback policy");
        this.fallback = found;
    }

    public static DeadlinePolicies load() {
        try (InputStream in = DeadlinePolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("deadline table missing: " + RESOURCE);
            }
            ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return new DeadlinePolicies(mapper.readValue(in, Table.class));
        } catch (IOException e) {
            throw new UncheckedIOException("deadline table unreadable", e);
        }
    }

    public String version() {
        return table.version();
    }

    public Table table() {
        return table;
    }

    /** The origin's own policy (e.g. breach orders), else the jurisdiction's, else the fallback. */
    public DeadlinePolicy select(String jurisdiction, String origin) {
        DeadlinePolicy forOrigin = origin == null ? null : byOrigin.get(origin);
        if (forOrigin != null) {
            return forOrigin;
        }
        return Optional.ofNullable(jurisdiction).map(byCountry::get).orElse(fallback);
    }

    /** The jurisdiction's policy; the fallback when the jurisdiction is unknown (null) or has no row. */
    public DeadlinePolicy forJurisdiction(String jurisdiction) {
        return Optional.ofNullable(jurisdiction).map(byCountry::get).orElse(fallback);
    }

    /** The origin's own policy (breach orders, terminations), if the table gives it one. */
    public Optional<DeadlinePolicy> forOrigin(String origin) {
        return Optional.ofNullable(origin).map(byOrigin::get);
    }

    public DeadlinePolicy byId(String id) {
        DeadlinePolicy policy = byId.get(id);
        if (policy == null) {
            throw new IllegalStateException("unknown deadline policy " + id);
        }
        return policy;
    }

    public Set<String> countries() {
        return new HashSet<>(byCountry.keySet());
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("deadline-policies.json: " + problem);
        }
    }
}
