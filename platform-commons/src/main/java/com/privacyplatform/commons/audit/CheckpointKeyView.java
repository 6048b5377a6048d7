package com.privacyplatform.commons.audit;

/** A public key that checkpoints of this service verify with (X.509 SubjectPublicKeyInfo DER, base64). */
public record CheckpointKeyView(String keyId, String algorithm, String publicKey) {
}
