package com.privacyplatform.privacycenter.request;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.privacycenter.about.Vocabulary;
import com.privacyplatform.privacycenter.backend.BackendException;
import com.privacyplatform.privacycenter.backend.Calls;
import com.privacyplatform.privacycenter.backend.ConsentApi;
import com.privacyplatform.privacycenter.backend.ConsentViews.Holder;
import com.privacyplatform.privacycenter.backend.DsrApi;
import com.privacyplatform.privacycenter.backend.PartnerNames;
import com.privacyplatform.privacycenter.backend.RequestViews.Attestation;
import com.privacyplatform.privacycenter.backend.RequestViews.Confirmation;
import com.privacyplatform.privacycenter.backend.RequestViews.Request;
import com.privacyplatform.privacycenter.backend.RequestViews.RequestPage;
import com.privacyplatform.privacycenter.backend.RequestViews.RequestSummary;
import com.privacyplatform.privacycenter.session.Me;
import com.privacyplatform.privacycenter.i18n.Preferences;
import com.privacyplatform.privacycenter.request.RequestForm.Problem;
import com.privacyplatform.privacycenter.web.BackendWords;
import com.privacyplatform.privacycenter.web.Redirects;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The subject's requests (3.5.a-c): file access, correction or deletion to every partner holding
 * their data or to chosen ones; follow status, per-partner progress, due date and timeline;
 * download the access export while it is available.
 */
@Path("/requests")
@RolesAllowed(Me.ROLE)
public class RequestPages {

    static final int MAX_PAGES = 20;

    /** The problems shown next to the form's field groups (null: none). */
    @TemplateData
    public record FieldErrors(String type, String scope, String correction) {
    }

    @TemplateData
    public record CorrectionRow(int no, String field, String value, String error, String describedBy) {
    }

    @TemplateData
    public record HolderOption(String id, String label, String purposes, boolean active) {
    }

    /** A deletion attestation to download: whose declaration, signed when. */
    @TemplateData
    public record AttestationLink(String id, String who, String issuedAt) {
    }

    private final DsrApi dsr;
    private final ConsentApi consents;
    private final RequestRows rows;
    private final PartnerNames names;
    private final Vocabulary vocabulary;
    private final Me me;
    private final Preferences preferences;
    private final Template list;
    private final Template detail;
    private final Template form;

    public RequestPages(@RestClient DsrApi dsr, @RestClient ConsentApi consents, RequestRows rows, PartnerNames names,
            Vocabulary vocabulary, Me me, Preferences preferences, @Location("requests.html") Template list,
            @Location("request.html") Template detail, @Location("request-new.html") Template form) {
        this.dsr = dsr;
        this.consents = consents;
        this.rows = rows;
        this.names = names;
        this.vocabulary = vocabulary;
        this.me = me;
        this.preferences = preferences;
        this.list = list;
        this.detail = detail;
        this.form = form;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        List<RequestSummary> mine = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String after = cursor;
            RequestPage page = Calls.to(Calls.DSR, () -> dsr.list(me.bearer(), me.subject(), 500, after));
            page.items().stream().filter(r -> me.owns(r.subjectId())).forEach(mine::add);
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < MAX_PAGES);
        mine.sort(Comparator.comparing(RequestSummary::submittedAt).reversed());
        Words w = preferences.words();
        return list.data("requests", mine.stream().map(r -> rows.summary(r, w)).toList())
                .data("me", me.displayName(w)).data("w", w);
    }

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance newRequest() {
        return form(RequestForm.empty(), List.of(), holders());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Enforces(value = {"3.5.a", "3.5.b", "3.5.c"}, note = "access, correction and deletion requests to every or chosen partners")
    public Response submit(@FormParam("type") String type, @FormParam("scope") String scope,
            @FormParam("partner") List<String> partners,
            @FormParam("correctionField") List<String> fields, @FormParam("correctionValue") List<String> values,
            @FormParam("submission") String submission) {
        RequestForm sent = new RequestForm(type, scope, partners == null ? List.of() : partners,
                fields == null ? List.of() : fields, values == null ? List.of() : values, submission);
        List<HolderOption> holders = holders();
        Set<String> holderIds = holders == null ? Set.of()
                : holders.stream().map(HolderOption::id).collect(Collectors.toSet());
        Words w = preferences.words();
        List<Problem> problems = sent.problems(vocabulary, holderIds, w);
        if (problems.isEmpty()) {
            try {
                Request created = Calls.to(Calls.DSR, () -> dsr.submit(me.bearer(), sent.key(), sent.toSubmit()));
                return Redirects.seeOther("/requests/" + created.id() + "?submitted=true");
            } catch (BackendException e) {
                if (e.unreachable() || e.status() == 401 || e.status() >= 500) {
                    throw e;
                }
                problems = new ArrayList<>();
                for (String text : BackendWords.refusal(e, w)) {
                    problems.add(new Problem(null, text));
                }
                // nothing was created: the corrected form is a new submission with its own key
                return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(form(sent.resubmission(), problems, holders)).build();
            }
        }
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(form(sent, problems, holders)).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") UUID id, @QueryParam("submitted") boolean submitted) {
        Request request = mine(id);
        Words w = preferences.words();
        boolean deletion = "DELETION".equals(request.type());
        return detail.data("r", rows.detail(request, w))
                .data("deletion", deletion).data("attestations", deletion ? attestationLinks(request, w) : List.of())
                .data("timeline", rows.timeline(Calls.to(Calls.DSR, () -> dsr.timeline(me.bearer(), id)), w))
                .data("submitted", submitted).data("me", me.displayName(w)).data("w", w);
    }

    /** A partner filed this on the subject's behalf: it starts only when the subject confirms it. */
    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") UUID id, @FormParam("confirmed") boolean confirmed,
            @FormParam("version") Long version) {
        mine(id);
        String ifMatch = version == null ? null : "\"" + version + "\"";
        Calls.to(Calls.DSR, () -> dsr.confirm(me.bearer(), ifMatch, id, new Confirmation(confirmed)));
        return Redirects.seeOther("/requests/" + id);
    }

    /** 3.5.a: the subject's own copy of what the partners delivered, while it is available. */
    @GET
    @Path("/{id}/export")
    @Produces(MediaType.APPLICATION_JSON)
    @Enforces(value = "3.5.a", note = "the access export as a file")
    public Response export(@PathParam("id") UUID id) {
        mine(id);
        String export = Calls.to(Calls.DSR, () -> dsr.export(me.bearer(), id));
        return Response.ok(export, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"access-export-" + id + ".json\"").build();
    }

    /**
     * 3.5.c: the signed deletion attestation of one partner's (or recipient's) declaration, as a file the
     * subject keeps and anyone verifies offline with the published keys.
     */
    @GET
    @Path("/{id}/attestations/{attestationId}")
    @Produces("application/jose")
    @Enforces(value = "3.5.c", note = "the subject downloads the proof of erasure of their own request")
    public Response attestation(@PathParam("id") UUID id, @PathParam("attestationId") UUID attestationId) {
        mine(id);
        Attestation found = Calls.to(Calls.DSR, () -> dsr.attestations(me.bearer(), id)).stream()
                .filter(a -> a.id().equals(attestationId)).findFirst()
                .orElseThrow(() -> new BackendException(Calls.DSR, 404, null, null, null, List.of()));
        return Response.ok(found.attestation(), "application/jose").header("Content-Disposition",
                "attachment; filename=\"deletion-attestation-" + attestationId + ".jws\"").build();
    }

    private List<AttestationLink> attestationLinks(Request request, Words w) {
        Map<UUID, String> who = new HashMap<>();
        if (request.tasks() != null) {
            names.load(request.tasks().stream().map(t -> t.partnerId()).toList());
            request.tasks().forEach(t -> who.put(t.id(), "RECIPIENT".equals(t.kind()) && t.recipient() != null
                    ? w.t("task.forRecipient", names.name(t.partnerId(), w), t.recipient().name())
                    : names.name(t.partnerId(), w)));
        }
        return Calls.to(Calls.DSR, () -> dsr.attestations(me.bearer(), request.id())).stream()
                .map(a -> new AttestationLink(a.id().toString(), who.getOrDefault(a.taskId(), names.name(a.partnerId(),
                        w)), w.time(a.issuedAt()))).toList();
    }

    private TemplateInstance form(RequestForm sent, List<Problem> problems, List<HolderOption> holders) {
        Words w = preferences.words();
        Map<String, String> errors = new HashMap<>();
        problems.stream().filter(p -> p.field() != null)
                .forEach(p -> errors.merge(p.field(), p.text(), (a, b) -> a + " " + b));
        return form.data("f", sent).data("problems", problems)
                .data("errors", new FieldErrors(errors.get("type"), errors.get("scope"), errors.get("correction")))
                .data("holders", holders == null ? List.of() : holders)
                .data("holdersUnavailable", holders == null)
                .data("categories", vocabulary.categories(w))
                .data("corrections", correctionRows(sent, errors)).data("me", me.displayName(w)).data("w", w);
    }

    /** The form's correction rows, numbered from 1, each with its problem (and the form's own about corrections). */
    static List<CorrectionRow> correctionRows(RequestForm sent, Map<String, String> errors) {
        List<CorrectionRow> rows = new ArrayList<>();
        for (int no = 1; no <= RequestForm.CORRECTION_ROWS; no++) {
            String error = errors.get("correction-" + no);
            List<String> describedBy = new ArrayList<>();
            if (error != null) {
                describedBy.add("correction-" + no + "-error");
            }
            if (errors.containsKey("correction")) {
                describedBy.add("correction-error");
            }
            rows.add(new CorrectionRow(no, sent.fieldNo(no), sent.valueNo(no), error, String.join(" ", describedBy)));
        }
        return rows;
    }

    /**
     * The partners that obtained the subject's data with a consent (consent-service's holders lookup);
     * null when consent-service cannot answer - a request to every holder still works then, because
     * dsr-service keeps its own record of who holds what.
     */
    private List<HolderOption> holders() {
        try {
            return holderList();
        } catch (BackendException e) {
            if (e.unreachable()) {
                return null;
            }
            throw e;
        }
    }

    private List<HolderOption> holderList() {
        List<Holder> holders = Calls.to(Calls.CONSENT, () -> consents.holders(me.bearer(), me.subject())).holders();
        names.load(holders.stream().map(Holder::partnerId).toList());
        Words w = preferences.words();
        return holders.stream()
                .sorted(Comparator.comparing((Holder h) -> names.name(h.partnerId(), w)).thenComparing(Holder::partnerId))
                .map(h -> new HolderOption(h.partnerId().toString(), names.name(h.partnerId(), w),
                        String.join(w.t("list.comma"), h.purposes().stream().map(p -> vocabulary.purpose(p, w)).toList()),
                        h.activeConsent()))
                .toList();
    }

    @Enforces(value = "3.4.f", note = "someone else's request is Not found")
    private Request mine(UUID id) {
        Request request = Calls.to(Calls.DSR, () -> dsr.get(me.bearer(), id));
        if (!me.owns(request.subjectId())) {
            throw new BackendException(Calls.DSR, 404, null, null, null, List.of());
        }
        return request;
    }
}
