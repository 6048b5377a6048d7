package com.privacyplatform.dsr.request;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.dsr.crypto.Sealed;
import com.privacyplatform.dsr.crypto.ValueCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;

/** Correction values are personal data: sealed on the request row (bound to its id), opened for display. */
@ApplicationScoped
public class CorrectionSeal {

    private static final TypeReference<List<Correction>> LIST = new TypeReference<>() {
    };

    private final ValueCipher cipher;
    private final ObjectMapper mapper;

    public CorrectionSeal(ValueCipher cipher, ObjectMapper mapper) {
        this.cipher = cipher;
        this.mapper = mapper;
    }

    public void seal(DsrRequest r, List<Correction> corrections) {
        if (corrections == null || corrections.isEmpty()) {
            return;
        }
        try {
            Sealed sealed = cipher.seal(mapper.writeValueAsBytes(corrections), r.id.toString());
            r.correctionsKeyId = sealed.keyId();
            r.correctionsNonce = sealed.nonce();
            r.correctionsSealed = sealed.ciphertext();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Correction> open(DsrRequest r) {
        if (r.correctionsSealed == null) {
            return List.of();
        }
        try {
            byte[] json = cipher.open(new Sealed(r.correctionsKeyId, r.correctionsNonce, r.correctionsSealed),
                    r.id.toString());
            return mapper.readValue(json, LIST);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
