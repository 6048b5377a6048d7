package com.privacyplatform.privacycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.clause.Verifies;
import com.privacyplatform.privacycenter.about.DeadlineTable;
import com.privacyplatform.privacycenter.about.Vocabulary;
import com.privacyplatform.privacycenter.backend.BackendException;
import com.privacyplatform.privacycenter.backend.ConsentViews.HistoryEntry;
import com.privacyplatform.privacycenter.backend.Calls;
import com.privacyplatform.privacycenter.backend.PartnerNames;
import com.privacyplatform.privacycenter.backend.RegistryApi;
import com.privacyplatform.privacycenter.backend.RequestViews.Request;
import com.privacyplatform.privacycenter.backend.RequestViews.Task;
import com.privacyplatform.privacycenter.backend.RequestViews.TaskRecipient;
import com.privacyplatform.privacycenter.backend.RequestViews.TimelineEntry;
import com.privacyplatform.privacycenter.consent.ConsentRows;
import com.privacyplatform.privacycenter.request.RequestRows;
import com.privacyplatform.privacycenter.session.Me;
import com.privacyplatform.privacycenter.web.Words;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The services' codes in words (1.1: plain and understandable language); a plain unit test. */
class WordsTest {

    private final Vocabulary vocabulary = new Vocabulary();
    private final Me me = new Me(null, null) {
        @Override
        public String bearer() {
            return "Bearer test";
        }
    };
    /** A registry whose directory cannot be reached: partners are shown by their short id. */
    private final PartnerNames noDirectory = new PartnerNames((bearer, ids) -> {
        throw BackendException.unreachable(Calls.REGISTRY);
    }, me);
    private final DeadlineTable deadlines = new DeadlineTable();
    private final RequestRows rows = new RequestRows(vocabulary, noDirectory, deadlines);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void timelineFactsAreWordsWithoutIdsOrCodes() throws Exception {
        UUID partner = UUID.fromString("2b9ab027-cb68-523d-81ec-293ae3eaf63b");
        List<RequestRows.Event> events = rows.timeline(List.of(
                new TimelineEntry(Instant.parse("2026-11-26T09:00:00Z"), "SUBMITTED", "subject", null, null,
                        json.readTree("{\"type\":\"DELETION\",\"origin\":\"SUBJECT\",\"status\":\"OPEN\","
                                + "\"linkedRequestId\":\"019ac4b0-7c1f-7a10-8b44-0c2d3e4f5a6b\"}")),
                new TimelineEntry(Instant.parse("2026-11-27T10:30:00Z"), "TASK_REJECTED", "partner", UUID.randomUUID(),
                        partner, json.readTree("{\"legalBasis\":\"LEGAL_OBLIGATION\",\"late\":true,"
                                + "\"kind\":\"RECIPIENT\"}"))));
        assertThat(events.get(0).at()).isEqualTo("26 Nov 2026, 09:00 UTC");
        assertThat(events.get(0).what()).isEqualTo("Submitted");
        assertThat(events.get(0).detail()).isEqualTo("Deletion of my data; made by you; In progress");
        assertThat(events.get(1).what()).isEqualTo("Task rejected");
        assertThat(events.get(1).partner()).isEqualTo("Partner 2b9ab027");
        assertThat(noDirectory.unavailable()).isTrue();
        assertThat(events.get(1).detail()).isEqualTo("legal basis: Legal obligation; late; for a recipient the data"
                + " was disclosed to");
    }

    @Test
    void vocabularyIdsBecomeTheirTitlesAndUnknownIdsStayAsTheyAre() {
        assertThat(vocabulary.purpose("marketing.communications")).isEqualTo("Marketing communications");
        assertThat(vocabulary.category("user.government_id.vehicle_registration")).isEqualTo("Vehicle licence plate");
        assertThat(vocabulary.method("PRE_TICKED_BOX")).isEqualTo("Pre-ticked box");
        assertThat(vocabulary.jurisdiction("DE")).isEqualTo("Germany (GDPR)");
        assertThat(vocabulary.purpose("something.new")).isEqualTo("something.new");
    }

    @Test
    @Verifies("1.2")
    void anImportedDecisionSaysWhoBroughtItInAndWhy() {
        ConsentRows consents = new ConsentRows(vocabulary, noDirectory);
        List<ConsentRows.Change> changes = consents.history(List.of(
                new HistoryEntry("GRANTED", null, "IMPORTED", "migration MIG-2026-017: legacy shop consents",
                        "compliance-officer", null, Instant.parse("2026-12-06T09:00:00Z")),
                new HistoryEntry("REVOKED", "GRANTED", "SUBJECT", "no longer", "data-subject", null,
                        Instant.parse("2026-12-07T09:00:00Z"))));
        assertThat(changes.get(0).by()).isEqualTo("the platform's compliance officer, bringing in a decision you gave"
                + " earlier");
        assertThat(changes.get(0).reason()).isEqualTo("migration MIG-2026-017: legacy shop consents");
        assertThat(changes.get(1).by()).isEqualTo("you");
    }

    @Test
    void statesAndDatesReadAsSentences() {
        assertThat(Words.consentState("GRANTED", "GRANTED")).isEqualTo("Active");
        assertThat(Words.consentState("REFUSED", "REFUSED")).isEqualTo("You refused");
        assertThat(Words.consentState("GRANTED", "SUPERSEDED")).isEqualTo("Replaced by a newer decision");
        assertThat(Words.requestStatus("AWAITING_SUBJECT_CONFIRMATION")).isEqualTo("Waiting for your confirmation");
        assertThat(Words.outcome("PARTIALLY_FULFILLED")).startsWith("Partly done");
        assertThat(Words.channel("MOBILE_APP")).isEqualTo("in a mobile app");
        assertThat(Words.day(LocalDate.of(2027, 2, 28))).isEqualTo("28 Feb 2027");
        assertThat(Words.time(null)).isEmpty();
    }

    @Test
    @Verifies("1.1")
    void partnersAreNamedFromTheDirectoryInOneCallPerPage() {
        UUID active = UUID.fromString("2b9ab027-cb68-523d-81ec-293ae3eaf63b");
        UUID ended = UUID.fromString("7c1f0000-0000-5000-8000-000000000001");
        UUID unknown = UUID.fromString("7c1f0000-0000-5000-8000-000000000002");
        List<List<String>> calls = new ArrayList<>();
        PartnerNames names = new PartnerNames((bearer, ids) -> {
            calls.add(ids);
            assertThat(bearer).isEqualTo("Bearer test");
            return new RegistryApi.Directory(List.of(
                    new RegistryApi.DirectoryEntry(active, "Demo Shop Ltd.", "CN", "ACTIVE"),
                    new RegistryApi.DirectoryEntry(ended, "Gone Trading Co.", "CN", "TERMINATED")));
        }, me);
        names.load(List.of(active, ended, unknown, active));
        assertThat(names.name(active)).isEqualTo("Demo Shop Ltd.");
        assertThat(names.name(ended)).isEqualTo("Gone Trading Co. (no longer a partner)");
        assertThat(names.name(unknown)).isEqualTo("Partner 7c1f0000");
        assertThat(names.unavailable()).isFalse();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsExactly(active.toString(), ended.toString(), unknown.toString());
    }

    @Test
    void moreThanAHundredPartnersAreAskedForInChunks() {
        List<Integer> sizes = new ArrayList<>();
        PartnerNames names = new PartnerNames((bearer, ids) -> {
            sizes.add(ids.size());
            return new RegistryApi.Directory(List.of());
        }, me);
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            many.add(UUID.randomUUID());
        }
        names.load(many);
        assertThat(sizes).containsExactly(100, 100, 30);
    }

    @Test
    @Verifies({"3.5.b", "3.5.c"})
    void eachTaskShowsItsOwnDeadlineAndWhoseLawSetItARecipientsToTheMinute() {
        UUID partner = UUID.fromString("2b9ab027-cb68-523d-81ec-293ae3eaf63b");
        Task chinese = new Task(UUID.randomUUID(), partner, "PARTNER", null, List.of("user.name"), List.of(), "OPEN",
                "PIPL", "CN", LocalDate.of(2026, 3, 23), Instant.parse("2026-03-23T23:59:59Z"), false, null, false, null);
        Task japanese = new Task(UUID.randomUUID(), partner, "PARTNER", null, List.of(), List.of(), "OPEN",
                "PLATFORM_DEFAULT", "JP", LocalDate.of(2026, 3, 23), Instant.parse("2026-03-23T23:59:59Z"), false,
                null, false, null);
        Task unknown = new Task(UUID.randomUUID(), partner, "PARTNER", null, List.of(), List.of(), "OPEN",
                "PLATFORM_DEFAULT", null, LocalDate.of(2026, 3, 23), Instant.parse("2026-03-23T23:59:59Z"), false,
                null, false, null);
        Task recipient = new Task(UUID.randomUUID(), partner, "RECIPIENT", new TaskRecipient("Parcel Co", "DE"),
                List.of("user.name"), List.of(), "OPEN", null, null, LocalDate.of(2026, 3, 5),
                Instant.parse("2026-03-05T10:15:30Z"), true, null, false, null);
        Request request = new Request(UUID.randomUUID(), "s", "DELETION", "SUBJECT", "OPEN", null, "CN", null,
                Instant.parse("2026-03-02T10:15:30Z"), Instant.parse("2026-03-02T10:15:30Z"), LocalDate.of(2026, 3, 23),
                null, LocalDate.of(2026, 3, 23), false, null, null, null, null, null,
                List.of(chinese, japanese, unknown, recipient), null, null, null, 0);
        List<RequestRows.Progress> rows = this.rows.detail(request).tasks();
        assertThat(rows.get(0).due()).isEqualTo("23 Mar 2026");
        assertThat(rows.get(0).rule()).isEqualTo("China: PIPL");
        assertThat(rows.get(1).rule()).isEqualTo("Japan: the platform's rule");
        assertThat(rows.get(2).rule()).isEqualTo("the platform's rule");
        assertThat(rows.get(3).due()).isEqualTo("5 Mar 2026, 10:15 UTC");
        assertThat(rows.get(3).rule()).isEqualTo("stop sharing at once");
        assertThat(rows.get(3).overdue()).isTrue();
    }

    @Test
    void theDeadlineTableSaysTheLawOfTheConsentsCountsAndNamesThePlatformsOwnRows() {
        List<DeadlineTable.Row> table = deadlines.rows();
        assertThat(table).filteredOn(r -> r.id().equals("GDPR")).singleElement()
                .satisfies(r -> assertThat(r.where()).startsWith("consents given under the law of AT, BE"));
        assertThat(table).filteredOn(r -> r.id().equals("PLATFORM_DEFAULT")).singleElement()
                .satisfies(r -> assertThat(r.where()).isEqualTo("consents under any other country's law, or when no"
                        + " country is known; deletion when a partner's cooperation with the platform ends"));
        assertThat(table).filteredOn(r -> r.id().equals("PLATFORM_EMERGENCY")).singleElement()
                .satisfies(r -> assertThat(r.where()).isEqualTo("deletion ordered by the platform after a breach"));
        assertThat(table).noneSatisfy(r -> assertThat(r.where()).contains("name"));
        assertThat(deadlines.ruleName("UK_GDPR")).isEqualTo("UK GDPR");
        assertThat(deadlines.ruleName(null)).isEmpty();
    }
}
