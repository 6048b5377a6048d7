package com.privacyplatform.privacycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.privacycenter.consent.ConsentRows;
import com.privacyplatform.privacycenter.i18n.Language;
import com.privacyplatform.privacycenter.i18n.Languages;
import com.privacyplatform.privacycenter.picture.PictureRows;
import com.privacyplatform.privacycenter.request.RequestPages;
import com.privacyplatform.privacycenter.request.RequestRows;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pages that show the services' data, rendered with sample rows in every language: no service
 * runs behind the module tests, so this is where a template's expression that does not resolve (or
 * a text it asks for) fails before the browser tests.
 */
@QuarkusTest
class TemplatesTest {

    @Inject
    @Location("consents.html")
    Template consents;

    @Inject
    @Location("requests.html")
    Template requests;

    @Inject
    @Location("request.html")
    Template request;

    @Inject
    @Location("picture.html")
    Template picture;

    @Inject
    @Location("picture-print.html")
    Template print;

    @Inject
    Languages languages;

    @Test
    @ActivateRequestContext
    void theConsentsTheRequestsAndARequestRenderInEveryLanguage() {
        for (Language language : languages.all()) {
            Words w = new Words(language, ZoneOffset.UTC);
            ConsentRows.Row active = new ConsentRows.Row("c1", "Demo Shop Ltd.", "p1", "Marketing", "Offers", List.of(
                    "E-mail", "Name"), true, w.consentState("GRANTED", "GRANTED"), true, "2026-11", "ab12", "1 Dec 2026",
                    "Ticked a box", "Consent", "1 Dec 2027", List.of("Parcel Co (organisation, SG)"), "China (PIPL)",
                    "zh-CN", 3, true);
            ConsentRows.Row ended = new ConsentRows.Row("c2", "Demo Shop Ltd.", "p1", "Analytics", "Measuring",
                    List.of("Browsing"), false, w.consentState("GRANTED", "REVOKED"), false, "2026-10", "cd34",
                    "1 Oct 2026", "Clicked", "Consent", "", List.of(), "", null, 2, false);
            String list = consents.data("w", w).data("me", "bob").data("count", 2).data("truncated", true)
                    .data("groups", List.of(new ConsentRows.PartnerGroup("Demo Shop Ltd.", "p1", List.of(active),
                            List.of(ended), 1L))).render();
            assertThat(list).contains("<html lang=\"" + language.tag() + "\">", w.count("consents.decisions", 2),
                    w.count("consents.partners", 1), w.t("consents.earlier", 1), w.t("consent.detailsAndRevoke"));

            String mine = requests.data("w", w).data("me", "bob").data("requests", List.of(new RequestRows.Summary(
                    "r1", w.requestType("DELETION"), w.requestStatus("OPEN"), true, "2 Dec 2026", "23 Dec 2026", true,
                    ""))).render();
            assertThat(mine).contains(w.requestType("DELETION"), w.t("requests.overdue"));

            RequestRows.Progress task = new RequestRows.Progress("Demo Shop Ltd.", "p1", w.t("task.what.partner"),
                    "Name", w.taskStatus("OPEN"), false, "23 Dec 2026", "China: PIPL", false, "", null);
            RequestRows.Detail detail = new RequestRows.Detail("r1", w.requestType("ACCESS"), w.requestStatus("OPEN"),
                    true, false, "", "PIPL", "China (PIPL)", "2 Dec 2026", "23 Dec 2026", false, null,
                    w.t("request.everyHolder"), List.of(), List.of(task), 0L, null, false, "", true, "", 4L, null);
            String one = request.data("w", w).data("me", "bob").data("r", detail).data("submitted", true)
                    .data("timeline", List.of(new RequestRows.Event("2 Dec 2026", w.timelineKind("SUBMITTED"), "",
                            ""))).render();
            assertThat(one).contains(w.t("request.received"), w.t("request.progress.done", 0, 1),
                    w.t("request.export.notYet"), w.timelineKind("SUBMITTED"));
        }
    }

    @Test
    @ActivateRequestContext
    void theWholePictureItsPrintablePageAndTheProofOfErasureRenderInEveryLanguage() {
        for (Language language : languages.all()) {
            Words w = new Words(language, ZoneOffset.UTC);
            PictureRows.Proof proof = new PictureRows.Proof("a1", "r1", "3 Dec 2026", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln");
            PictureRows.PartnerPicture partner = new PictureRows.PartnerPicture("Demo Shop Ltd.", "p1",
                    List.of(new PictureRows.ConsentLine("c1", "Marketing", "E-mail", w.consentState("GRANTED",
                            "GRANTED"), true, "1 Dec 2026", "eyJraWQiOiJyIn0.e30.cmVjZWlwdA")),
                    List.of(new PictureRows.TaskLine("r1", w.requestType("DELETION"), "2 Dec 2026",
                            w.t("task.what.partner"), "E-mail", w.taskStatus("COMPLETED"), "3 Dec 2026", null,
                            List.of(proof))));
            String page = picture.data("w", w).data("me", "bob").data("truncated", false)
                    .data("partners", List.of(partner)).render();
            assertThat(page).contains("<html lang=\"" + language.tag() + "\">", w.t("picture.heading"),
                    w.t("picture.download.json"), w.t("picture.download.html"), w.t("picture.consents"),
                    "/requests/r1/attestations/a1", "aria-current=\"page\"");
            String printable = print.data("w", w).data("truncated", true).data("subject", "s-1")
                    .data("generatedAt", "4 Dec 2026").data("documents", 2L).data("partners", List.of(partner))
                    .render();
            assertThat(printable).contains("eyJhbGciOiJFUzI1NiJ9.e30.c2ln", "eyJraWQiOiJyIn0.e30.cmVjZWlwdA",
                    w.t("picture.print.for", "s-1"), w.t("picture.truncated")).doesNotContain("<script");
            String empty = picture.data("w", w).data("me", "bob").data("truncated", false).data("partners", List.of())
                    .render();
            assertThat(empty).contains(w.t("picture.none"));

            RequestRows.Detail detail = new RequestRows.Detail("r1", w.requestType("DELETION"),
                    w.requestStatus("COMPLETED"), false, false, "", "PIPL", "China (PIPL)", "2 Dec 2026", "23 Dec 2026",
                    false, null, w.t("request.everyHolder"), List.of(), List.of(), 0L, null, false, "", false, "", 4L,
                    null);
            String deletion = request.data("w", w).data("me", "bob").data("r", detail).data("submitted", false)
                    .data("deletion", true).data("attestations", List.of(new RequestPages.AttestationLink("a1",
                            "Demo Shop Ltd.", "3 Dec 2026"))).data("timeline", List.of()).render();
            assertThat(deletion).contains(w.t("request.attestations.heading"),
                    w.t("request.attestations.download", "Demo Shop Ltd.", "3 Dec 2026"), "/requests/r1/attestations/a1");
        }
    }
}
