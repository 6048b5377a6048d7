package com.privacyplatform.privacycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Verifies;
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
import com.privacyplatform.privacycenter.i18n.Languages;
import com.privacyplatform.privacycenter.request.RequestRows;
import com.privacyplatform.privacycenter.session.Me;
import com.privacyplatform.privacycenter.web.Words;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    private final Languages languages = new Languages(List.of("en", "zh-CN"));
    private final Words en = new Words(languages.get("en"), ZoneOffset.UTC);
    private final Words zh = new Words(languages.get("zh-CN"), ZoneOffset.UTC);
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
                                + "\"kind\":\"RECIPIENT\"}"))), en);
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
        assertThat(vocabulary.purpose("marketing.communications", en)).isEqualTo("Marketing communications");
        assertThat(vocabulary.category("user.government_id.vehicle_registration", en)).isEqualTo("Vehicle licence plate");
        assertThat(vocabulary.method("PRE_TICKED_BOX", en)).isEqualTo("Pre-ticked box");
        assertThat(vocabulary.jurisdiction("DE", en)).isEqualTo("Germany (GDPR)");
        assertThat(vocabulary.purpose("something.new", en)).isEqualTo("something.new");
    }

    @Test
    @Verifies("1.2")
    void anImportedDecisionSaysWhoBroughtItInAndWhy() {
        ConsentRows consents = new ConsentRows(vocabulary, noDirectory);
        List<ConsentRows.Change> changes = consents.history(List.of(
                new HistoryEntry("GRANTED", null, "IMPORTED", "migration MIG-2026-017: legacy shop consents",
                        "compliance-officer", null, Instant.parse("2026-12-06T09:00:00Z")),
                new HistoryEntry("REVOKED", "GRANTED", "SUBJECT", "no longer", "data-subject", null,
                        Instant.parse("2026-12-07T09:00:00Z"))), en);
        assertThat(changes.get(0).by()).isEqualTo("the platform's compliance officer, bringing in a decision you gave"
                + " earlier");
        assertThat(changes.get(0).reason()).isEqualTo("migration MIG-2026-017: legacy shop consents");
        assertThat(changes.get(1).by()).isEqualTo("you");
    }

    @Test
    void statesAndDatesReadAsSentences() {
        assertThat(en.consentState("GRANTED", "GRANTED")).isEqualTo("Active");
        assertThat(en.consentState("REFUSED", "REFUSED")).isEqualTo("You refused");
        assertThat(en.consentState("GRANTED", "SUPERSEDED")).isEqualTo("Replaced by a newer decision");
        assertThat(en.requestStatus("AWAITING_SUBJECT_CONFIRMATION")).isEqualTo("Waiting for your confirmation");
        assertThat(en.outcome("PARTIALLY_FULFILLED")).startsWith("Partly done");
        assertThat(en.channel("MOBILE_APP")).isEqualTo("in a mobile app");
        assertThat(en.day(LocalDate.of(2027, 2, 28))).isEqualTo("28 Feb 2027");
        assertThat(en.time(null)).isEmpty();
    }

    @Test
    @Verifies(value = "1.1", exercises = "PartnerNames#name")
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
        assertThat(names.name(active, en)).isEqualTo("Demo Shop Ltd.");
        assertThat(names.name(ended, en)).isEqualTo("Gone Trading Co. (no longer a partner)");
        assertThat(names.name(unknown, en)).isEqualTo("Partner 7c1f0000");
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
        List<RequestRows.Progress> rows = this.rows.detail(request, en).tasks();
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
        List<DeadlineTable.Row> table = deadlines.rows(en);
        assertThat(table).filteredOn(r -> r.id().equals("GDPR")).singleElement()
                .satisfies(r -> assertThat(r.where()).startsWith("consents given under the law of AT, BE"));
        assertThat(table).filteredOn(r -> r.id().equals("PLATFORM_DEFAULT")).singleElement()
                .satisfies(r -> assertThat(r.where()).isEqualTo("consents under any other country's law, or when no"
                        + " country is known; deletion when a partner's cooperation with the platform ends"));
        assertThat(table).filteredOn(r -> r.id().equals("PLATFORM_EMERGENCY")).singleElement()
                .satisfies(r -> assertThat(r.where()).isEqualTo("deletion ordered by the platform after a breach"));
        assertThat(table).noneSatisfy(r -> assertThat(r.where()).contains("name"));
        assertThat(deadlines.ruleName("UK_GDPR", en)).isEqualTo("UK GDPR");
        assertThat(deadlines.ruleName(null, en)).isEmpty();
    }

    @Test
    @Verifies("1.1")
    void inChineseTheCodesDatesAndDeadlinesReadAsChinese() {
        assertThat(zh.consentState("GRANTED", "GRANTED")).isEqualTo("有效");
        assertThat(zh.requestType("DELETION")).isEqualTo("删除我的数据");
        assertThat(zh.day(LocalDate.of(2027, 2, 28))).isEqualTo("2027年2月28日");
        assertThat(zh.time(Instant.parse("2026-11-26T09:00:00Z"))).isEqualTo("2026年11月26日 09:00 UTC");
        assertThat(vocabulary.purpose("marketing.communications", zh)).isEqualTo("营销信息");
        assertThat(vocabulary.jurisdiction("CN", zh)).isEqualTo("中国（《个人信息保护法》）");
        assertThat(deadlines.rows(zh)).filteredOn(r -> r.id().equals("PIPL")).singleElement()
                .satisfies(r -> assertThat(r.answerWithin()).isEqualTo("15 个工作日"))
                .satisfies(r -> assertThat(r.extension()).isEqualTo("不可延期"))
                .satisfies(r -> assertThat(r.law()).startsWith("《中华人民共和国个人信息保护法》"));
        assertThat(deadlines.rows(zh)).filteredOn(r -> r.id().equals("GDPR")).singleElement()
                .satisfies(r -> assertThat(r.extension()).isEqualTo("可延期一次，最多 2 个自然月"));
        assertThat(new ConsentRows(vocabulary, noDirectory).history(List.of(new HistoryEntry("REVOKED", "GRANTED",
                "SUBJECT", "no longer", "data-subject", null, Instant.parse("2026-12-07T09:00:00Z"))), zh).get(0))
                .satisfies(c -> assertThat(c.by()).isEqualTo("您本人"))
                .satisfies(c -> assertThat(c.status()).isEqualTo("已撤回"));
        assertThat(noDirectory.name(UUID.fromString("2b9ab027-cb68-523d-81ec-293ae3eaf63b"), zh))
                .isEqualTo("合作方 2b9ab027");
    }

    @Test
    void timesAreShownInThePersonsTimeZoneWithItsOffset() {
        Words shanghai = new Words(languages.get("en"), ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.time(Instant.parse("2026-11-26T20:30:00Z"))).isEqualTo("27 Nov 2026, 04:30 UTC+08:00");
        Words berlin = new Words(languages.get("zh-CN"), ZoneId.of("Europe/Berlin"));
        assertThat(berlin.time(Instant.parse("2026-07-01T10:00:00Z"))).isEqualTo("2026年7月1日 12:00 UTC+02:00");
    }

    @Test
    void theLanguageFollowsTheSwitchersCookieThenAcceptLanguageThenTheDefault() {
        assertThat(languages.choose(null, "zh-CN,zh;q=0.9,en;q=0.8").tag()).isEqualTo("zh-CN");
        assertThat(languages.choose(null, "zh-Hans-CN").tag()).isEqualTo("zh-CN");
        assertThat(languages.choose(null, "zh").tag()).isEqualTo("zh-CN");
        assertThat(languages.choose(null, "en-GB,en;q=0.9").tag()).isEqualTo("en");
        assertThat(languages.choose(null, "de-DE,zh;q=0.5").tag()).isEqualTo("zh-CN");
        assertThat(languages.choose(null, "fr-FR,de;q=0.8").tag()).isEqualTo("en");
        // Traditional Chinese is not Simplified Chinese: the default
        assertThat(languages.choose(null, "zh-TW").tag()).isEqualTo("en");
        assertThat(languages.choose(null, "en;q=0.2,zh-CN;q=0.9").tag()).isEqualTo("zh-CN");
        assertThat(languages.choose(null, "not a header;;q=x").tag()).isEqualTo("en");
        assertThat(languages.choose(null, null).tag()).isEqualTo("en");
        assertThat(languages.choose("zh-CN", "en-GB").tag()).isEqualTo("zh-CN");
        assertThat(languages.choose("en", "zh-CN").tag()).isEqualTo("en");
        assertThat(languages.choose("xx-YY", "zh-CN").tag()).isEqualTo("zh-CN");
    }
}
