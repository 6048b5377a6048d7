package com.privacyplatform.consent.receipt;

import com.nimbusds.jwt.JWTClaimsSet;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.signing.SigningKeys;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.consent.config.ConsentConfig;
import com.privacyplatform.consent.record.Consent;
import com.privacyplatform.consent.record.Recipient;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs consent receipts: a JWS (compact) whose claims follow the Kantara Consent Receipt v1.1
 * ({@code version}, {@code jurisdiction}, {@code consentTimestamp}, {@code collectionMethod},
 * {@code consentReceiptID}, {@code piiPrincipalId}, {@code piiControllers}, {@code services} with
 * {@code purposes}, {@code sensitive}, {@code spiCat}) plus the ISO/IEC TS 27560 facts the record
 * keeps (notice version and hash, channel, legal basis, state, expiry). Anyone verifies it offline
 * with the public keys of {@code /.well-known/jwks.json}. Loaded at startup (platform-commons'
 * {@code SigningKeys} from {@code consent.receipts.*}): a missing or unusable key stops the service
 * with a message saying what to configure.
 */
@Startup
@ApplicationScoped
public class ReceiptSigner {

    public static final String TYPE = "consent-receipt+jwt";
    static final String VERSION = "KI-CR-v1.1.0";
    /** The receipt keys' names in messages: settings {@code consent.receipts.*}, README section "Receipt keys". */
    public static final SigningKeys.Naming KEYS =
            new SigningKeys.Naming("consent-service", "receipt", "consent.receipts");

    private final SigningKeys keys;
    private final String issuer;

    public ReceiptSigner(ConsentConfig config) {
        ConsentConfig.Receipts receipts = config.receipts();
        this.keys = SigningKeys.load(KEYS, receipts.jwks(), receipts.jwksFile(), receipts.activeKeyId(),
                receipts.generateDevKey());
        this.issuer = receipts.issuer();
    }

    public SigningKeys keys() {
        return keys;
    }

    /** @param recipients the recipients as the caller may see them (masked for non-owners, 3.2.d) */
    public String sign(Consent c, List<Recipient> recipients) {
        return keys.sign(TYPE, claims(c, recipients));
    }

    JWTClaimsSet claims(Consent c, List<Recipient> recipients) {
        Vocabulary vocabulary = Vocabulary.get();
        List<String> sensitive = Arrays.stream(c.categories).filter(vocabulary::isSensitive).toList();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(c.subjectId)
                .issueTime(new Date())
                .jwtID(Ids.newId().toString())
                .claim("version", VERSION)
                .claim("jurisdiction", c.jurisdiction)
                .claim("consentTimestamp", c.collectedAt.toEpochSecond())
                .claim("collectionMethod", c.method)
                .claim("collectionChannel", c.channel.name())
                .claim("consentReceiptID", c.id.toString())
                .claim("language", c.language)
                .claim("piiPrincipalId", c.subjectId)
                .claim("piiControllers", List.of(Map.of("piiControllerId", c.partnerId.toString(), "onBehalf", false)))
                .claim("notice", Map.of("version", c.noticeVersion, "textHash", c.noticeHash,
                        "hashAlgorithm", "SHA-256"))
                .claim("legalBasis", c.legalBasis)
                .claim("services", List.of(Map.of("service", "partner:" + c.partnerId,
                        "purposes", List.of(purpose(c, recipients, vocabulary)))))
                .claim("sensitive", !sensitive.isEmpty())
                .claim("spiCat", sensitive)
                .claim("decision", c.decision.name())
                .claim("state", c.state.name())
                .claim("stateChangedAt", c.stateChangedAt.toInstant().toString())
                .claim("expiresAt", c.expiresAt == null ? null : c.expiresAt.toInstant().toString())
                .build();
    }

    private static Map<String, Object> purpose(Consent c, List<Recipient> recipients, Vocabulary vocabulary) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("purpose", c.purpose);
        p.put("purposeCategory", List.of(c.purpose));
        p.put("consentType", vocabulary.isExpress(c.method) ? "EXPLICIT" : "IMPLICIT");
        p.put("piiCategory", List.of(c.categories));
        p.put("primaryPurpose", true);
        p.put("termination", c.expiresAt == null ? "until revoked by the subject"
                : "expires " + c.expiresAt.toInstant() + " or when revoked by the subject");
        p.put("thirdPartyDisclosure", !recipients.isEmpty());
        p.put("thirdPartyName", String.join("; ", recipients.stream().map(Recipient::name).toList()));
        p.put("thirdParties", recipients.stream().map(r -> Map.of("name", r.name(), "country", r.country())).toList());
        return p;
    }
}
