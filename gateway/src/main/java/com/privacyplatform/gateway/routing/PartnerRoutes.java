package com.privacyplatform.gateway.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every operation under {@code /api}, classified by what a restricted partner (SUSPENDED, TERMINATED,
 * or under a TEMPORARY_CLOSURE / DATA_ACCESS_SUSPENSION order) may still do with it (3.4.j, 3.5.d,
 * 5.1: duties outlive rights):
 * <ul>
 * <li>{@link Use#DUTY}: what the partner owes the subjects and the platform - its DSR tasks, incident
 * reports and updates, notification duties, audit-finding rectifications, self-inspections, its own
 * record and status. Open to a restricted partner (a terminated one until the deletion work of its
 * termination is complete);</li>
 * <li>{@link Use#DATA}: everything else - recording, checking, importing or reading consents, anything
 * that obtains or uses personal information or widens a data flow (processors, transfers, retention
 * bases), and the platform staff's own operations, which no partner may call. Closed to a restricted
 * partner.</li>
 * </ul>
 * A path and method that no rule names is judged as DATA at run time (closed when restricted), and
 * fails the build: the partner SDK's tests check that every operation of the combined OpenAPI is
 * classified here, so that a new endpoint cannot slip through unclassified.
 *
 * <p>The rules are written as regular expressions ({@link Rule#path()}); per request they are matched
 * precompiled into segments ({@link PathPattern}), looked up by method and first segment, the first
 * rule in the list's order winning as before.
 */
public final class PartnerRoutes {

    /** What a restricted partner may do with an operation. */
    public enum Use {
        /** Blocked for a restricted partner. */
        DATA,
        /** Open to a restricted partner until its duties are done. */
        DUTY
    }

    /** One classified group of operations: methods on paths (after {@code /api}) and why. */
    public record Rule(Use use, Set<String> methods, Pattern path, String why) {

        boolean matches(String method, String apiPath) {
            return methods.contains(method) && path.matcher(apiPath).matches();
        }
    }

    private static final String ID = "[^/]+";

    private static final List<Rule> RULES = List.of(
            // every service's dead-letter tool (officers only)
            data("GET", "^/services/" + ID + "/dead-letters(/" + ID + "/messages(/" + ID + ")?)?$",
                    "the operator's view of the services' dead letters"),
            data("POST", "^/services/" + ID + "/dead-letters/" + ID + "/messages/" + ID + "/(replay|discard)$",
                    "the operator's replay or discard of a dead letter"),
            // dsr-service
            duty("GET", "^/tasks(/" + ID + ")?$", "3.5.b: the partner reads its data-subject tasks"),
            duty("POST", "^/tasks/" + ID + "/(claim|completion|rejection)$",
                    "3.5.b-d: the partner claims, completes or rejects its tasks, also the deletions of its termination"),
            duty("POST", "^/requests$", "3.5.a: the partner passes on a subject's request"),
            data("GET", "^/requests(/" + ID + "(/(timeline|export|attestations))?)?$",
                    "the subjects' and the staff's view of requests"),
            duty("GET", "^/deletion-attestations/jwks\\.json$", "the deletion attestations' public keys (no personal"
                    + " information)"),
            duty("GET", "^/deletion-attestations/" + ID + "$",
                    "3.5.c: the signed record of the partner's own deletion declaration"),
            data("POST", "^/requests/" + ID + "/(confirmation|extension)$", "the subject's and the officer's actions"),
            duty("GET", "^/partners/" + ID + "/(retention-bases(/" + ID + ")?|request-scorecard)$",
                    "the partner's own record"),
            data("POST", "^/partners/" + ID + "/retention-bases$", "3.5.d: a basis to keep personal information"),
            // breach-service
            duty("GET", "^/incidents(/" + ID + "(/(timeline|duties))?)?$", "5.1: the partner's own incidents"),
            duty("POST", "^/incidents$", "5.1: reporting an incident"),
            duty("POST", "^/incidents/" + ID + "/updates$", "5.1: reporting on an incident"),
            duty("POST", "^/incidents/" + ID + "/duties/" + ID + "/completion$",
                    "5.1: completing a notification duty"),
            duty("GET", "^/incidents/" + ID + "/deletion-orders(/" + ID + ")?$", "3.4.j: deletion orders to carry out"),
            duty("GET", "^/emergency-orders(/" + ID + ")?$", "3.4.j: the orders that restrict the partner"),
            data("POST", "^/incidents/" + ID + "/(closure|deletion-orders)$", "the officer's actions"),
            data("POST", "^/incidents/" + ID + "/duties/" + ID + "/waiver$", "the officer's actions"),
            data("PUT", "^/incidents/" + ID + "/severity-override$", "the officer's actions"),
            data("POST", "^/emergency-orders(/" + ID + "/lifting)?$", "the officer's actions"),
            // partner-registry-service
            duty("GET", "^/partners/" + ID + "(/(status-history|scope|scorecard|processors(/" + ID + ")?"
                    + "|transfers(/" + ID + ")?))?$", "the partner's own record and status"),
            duty("PUT", "^/partners/" + ID + "/security-officer$",
                    "3.4.d: the person in charge stays reachable while duties are open"),
            duty("GET", "^/partners/" + ID + "/self-inspections(/" + ID + ")?$", "3.4.e: the partner's inspections"),
            duty("POST", "^/partners/" + ID + "/self-inspections$", "3.4.e: submitting a self-inspection"),
            duty("GET", "^/partners/" + ID + "/audits(/" + ID + "(/findings/" + ID + ")?)?$",
                    "4.1-4.3: audits of the partner and their findings"),
            duty("POST", "^/partners/" + ID + "/audits/" + ID + "/findings/" + ID + "/rectification$",
                    "4.3: rectifying an audit finding"),
            duty("GET", "^/vocabulary$", "the shared vocabulary (public, no personal information)"),
            data("POST", "^/partners/" + ID + "/(processors|transfers)$", "3.3.b-c: widens a data flow"),
            data("PUT", "^/partners/" + ID + "/processors/" + ID + "$", "3.3.b: changes an entrusted processing"),
            data("POST", "^/partners/" + ID + "/processors/" + ID + "/(attestation|approval|withdrawal)$",
                    "3.3.b: entrusted processing"),
            data("POST", "^/partners/" + ID + "/transfers/" + ID + "/(approval|rejection|revocation)$",
                    "the officer's actions"),
            data("GET", "^/partners$|^/partner-snapshots$|^/partner-directory(/" + ID + ")?$|^/scorecards$"
                    + "|^/self-inspections/overdue$", "directories and the staff's views"),
            data("POST", "^/partners$|^/partners/" + ID + "/(activation|suspension|reinstatement|termination)$",
                    "the officer's actions"),
            data("POST", "^/partners/" + ID + "/audits(/" + ID + "/(closure|findings(/" + ID + "/verification)?))?$",
                    "the officer's actions"),
            data("PUT", "^/partners/" + ID + "(/(scope|automated-decision-authorization))?$", "the officer's actions"),
            data("POST", "^/partners/" + ID + "/retention-bases/" + ID + "/(approval|refusal)$",
                    "3.5.d: the officer's review of a retention basis"),
            data("GET", "^/retention-bases$|^/rejection-reviews(/" + ID + ")?$", "3.5.c-d: the officer's review queues"),
            data("POST", "^/rejection-reviews/" + ID + "/(approval|refusal)$", "3.5.c-d: the officer's review"),
            duty("POST", "^/partners/" + ID + "/credential-rotation$",
                    "the partner replaces its own credential (a leaked one must be replaceable while restricted)"),
            // consent-service
            duty("POST", "^/consents/" + ID + "/revocation$", "3.5.a: revoking on the subject's behalf"),
            duty("GET", "^/\\.well-known/jwks\\.json$", "the receipts' public keys (no personal information)"),
            data("POST", "^/consents(/(check|imports))?$", "1.2, 3.1: recording and checking consents"),
            data("GET", "^/consents(/" + ID + "(/(history|receipt))?)?$", "the subjects' consents"),
            data("GET", "^/subjects/" + ID + "/holders$", "who holds a subject's data"),
            data("GET", "^/holdings-feed$", "18.2: every holding, for dsr-service's reconciliation"),
            // the services' projections of each other's data (officers only, issue 18.2)
            data("GET", "^/projections/(consent-partners|dsr-holdings)$", "18.2: the staff's view of a projection"),
            data("POST", "^/projections/(consent-partners|dsr-holdings)/reconciliation$",
                    "18.2: the staff's reconciliation of a projection"),
            // every service's audit trail (officers and auditors only) and the gateway's own views
            data("GET", "^/audit/" + ID + "/audit-records(/verification|/checkpoints(/keys|/" + ID + ")?)?$"
                    + "|^/audit/verification$|^/gateway/restrictions$", "4.1: the staff's audit views"),
            data("POST", "^/audit/" + ID + "/audit-records/(verification|checkpoints)$", "4.1: the staff's audit views"),
            data("POST", "^/gateway/restrictions/reconciliation$", "18.2: the staff's reconciliation of a projection"),
            duty("GET", "^/openapi\\.json$", "the API description (public)"));

    /** The rules' paths precompiled, in the rules' order. */
    private static final PathPattern[] PATHS = RULES.stream().map(r -> PathPattern.compile(r.path().pattern()))
            .toArray(PathPattern[]::new);
    /** Per method: the rules (indexes, ascending) that can match a path by its first segment. */
    private static final Map<String, Map<String, int[]>> BY_FIRST_SEGMENT = new HashMap<>();
    /** Per method: the rules (indexes, ascending) that can match whatever the first segment is. */
    private static final Map<String, int[]> ANY_FIRST_SEGMENT = new HashMap<>();
    private static final int[] NONE = new int[0];

    static {
        Map<String, Map<String, List<Integer>>> byFirst = new HashMap<>();
        Map<String, List<Integer>> anyFirst = new HashMap<>();
        for (int i = 0; i < RULES.size(); i++) {
            List<String> firsts = PATHS[i].firstSegments();
            for (String method : RULES.get(i).methods()) {
                if (firsts == null) {
                    anyFirst.computeIfAbsent(method, m -> new ArrayList<>()).add(i);
                } else {
                    for (String first : firsts) {
                        byFirst.computeIfAbsent(method, m -> new HashMap<>())
                                .computeIfAbsent(first, f -> new ArrayList<>()).add(i);
                    }
                }
            }
        }
        byFirst.forEach((method, firsts) -> {
            Map<String, int[]> index = new HashMap<>();
            firsts.forEach((first, rules) -> index.put(first, rules.stream().mapToInt(Integer::intValue).toArray()));
            BY_FIRST_SEGMENT.put(method, index);
        });
        anyFirst.forEach((method, rules) -> ANY_FIRST_SEGMENT.put(method,
                rules.stream().mapToInt(Integer::intValue).toArray()));
    }

    private PartnerRoutes() {
    }

    /** The rule that classifies {@code method} on {@code apiPath} (the path after {@code /api}), if any. */
    public static Optional<Rule> rule(String method, String apiPath) {
        return rule(method, PathSegments.of(apiPath));
    }

    /** The rule that classifies {@code method} on {@code apiPath}, cut into its segments, if any. */
    public static Optional<Rule> rule(String method, PathSegments apiPath) {
        int index = ruleIndex(method.toUpperCase(Locale.ROOT), apiPath);
        return index < 0 ? Optional.empty() : Optional.of(RULES.get(index));
    }

    /** How a restricted partner's request is judged: an unclassified operation as DATA (closed). */
    public static Use use(String method, String apiPath) {
        return use(method, PathSegments.of(apiPath));
    }

    public static Use use(String method, PathSegments apiPath) {
        int index = ruleIndex(method.toUpperCase(Locale.ROOT), apiPath);
        return index < 0 ? Use.DATA : RULES.get(index).use();
    }

    /** The first rule (in the list's order) that matches, or -1: the candidates of both indexes merged. */
    private static int ruleIndex(String method, PathSegments apiPath) {
        Map<String, int[]> byFirst = BY_FIRST_SEGMENT.get(method);
        int[] named = NONE;
        if (byFirst != null && apiPath.count() > 0) {
            named = byFirst.getOrDefault(apiPath.path().substring(apiPath.start(0), apiPath.end(0)), NONE);
        }
        int[] any = ANY_FIRST_SEGMENT.getOrDefault(method, NONE);
        int i = 0;
        int j = 0;
        while (i < named.length || j < any.length) {
            int next = j >= any.length || i < named.length && named[i] < any[j] ? named[i++] : any[j++];
            if (PATHS[next].matches(apiPath)) {
                return next;
            }
        }
        return -1;
    }

    public static List<Rule> rules() {
        return RULES;
    }

    private static Rule duty(String method, String path, String why) {
        return new Rule(Use.DUTY, Set.of(method), Pattern.compile(path), why);
    }

    private static Rule data(String method, String path, String why) {
        return new Rule(Use.DATA, Set.of(method), Pattern.compile(path), why);
    }
}
