package com.privacyplatform.dsr.crypto;

/** A value sealed with AES-GCM: the key id, the 96-bit nonce and the ciphertext with its tag. */
public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
}
