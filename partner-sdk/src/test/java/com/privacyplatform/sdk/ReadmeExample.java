package com.privacyplatform.sdk;

import com.privacyplatform.sdk.api.ConsentCheckApi;
import com.privacyplatform.sdk.api.ConsentsApi;
import com.privacyplatform.sdk.invoker.ApiClient;
import com.privacyplatform.sdk.invoker.ApiException;
import com.privacyplatform.sdk.model.CheckDecision;
import com.privacyplatform.sdk.model.Channel;
import com.privacyplatform.sdk.model.ConsentCheckRequest;
import com.privacyplatform.sdk.model.NoticeRequest;
import com.privacyplatform.sdk.model.PurposeDecision;
import com.privacyplatform.sdk.model.RecordConsentRequest;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/** The example of partner-sdk/README.md, verbatim: compiled by every build (AccessTokensTest runs its token part). */
final class ReadmeExample {

    private ReadmeExample() {
    }

    static boolean recordAndCheck(String clientSecret) throws ApiException {
        // 1. a token of your OIDC client (client credentials), renewed before it expires
        AccessTokens tokens = AccessTokens.clientCredentials(
                URI.create("http://localhost:8180/realms/privacy"), "partner-demo-a", clientSecret);
        // 2. one client for the gateway; every generated API class takes it
        ApiClient client = PlatformApi.client(URI.create("http://localhost:8080"), tokens);

        // 3. record the subject's consent for one purpose (3.1, 3.2)
        RecordConsentRequest consent = new RecordConsentRequest()
                .subjectId("customer-4711").jurisdiction("CN").language("zh-CN").channel(Channel.WEB)
                .collectedAt(OffsetDateTime.now().minusSeconds(5))
                .notice(new NoticeRequest().version("2026-11")
                        .textHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .legalBasis("EXPRESS_CONSENT").method("CHECKBOX")
                .purposes(List.of(new PurposeDecision().purpose("payment_processing")
                        .categories(List.of("user.name")).granted(true)));
        new ConsentsApi(client).apiConsentsPost(consent, null);

        // 4. before processing: may we?
        return new ConsentCheckApi(client).apiConsentsCheckPost(new ConsentCheckRequest()
                .subjectId("customer-4711").purpose("payment_processing").category("user.name"))
                .getDecision() == CheckDecision.ALLOW;
    }
}
