package com.privacyplatform.api.transport;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a request's transport shape against {@link TransportLimits} before any route runs. Pure:
 * the caller turns a {@link Refusal} into its own kind of answer (problem+json for the API, a page
 * for people).
 */
public final class TransportCheck {

    /** Why a request is refused: the HTTP status and a detail that echoes no input. */
    public record Refusal(int status, String detail) {
    }

    private TransportCheck() {
    }

    /**
     * @param uri the request target as received (path and query)
     * @param headers every header field as received (repeated names repeated)
     */
    public static Optional<Refusal> check(TransportLimits limits, String uri,
            Iterable<Map.Entry<String, String>> headers) {
        if (uri != null && uri.length() > limits.maxUriLength()) {
            return Optional.of(new Refusal(414, "the request target is " + uri.length() + " characters long; at most "
                    + limits.maxUriLength() + " are accepted"));
        }
        int count = 0;
        long bytes = 0;
        String contentLength = null;
        boolean chunked = false;
        for (Map.Entry<String, String> header : headers) {
            count++;
            bytes += header.getKey().length() + header.getValue().length() + 4;
            if ("content-length".equalsIgnoreCase(header.getKey())) {
                contentLength = header.getValue();
            } else if ("transfer-encoding".equalsIgnoreCase(header.getKey())) {
                chunked |= header.getValue().toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        if (count > limits.maxHeaders()) {
            return Optional.of(new Refusal(431, "the request has " + count + " header fields; at most "
                    + limits.maxHeaders() + " are accepted"));
        }
        if (bytes > limits.maxHeaderBytes()) {
            return Optional.of(new Refusal(431, "the request's header fields take " + bytes + " bytes; at most "
                    + limits.maxHeaderBytes() + " are accepted"));
        }
        return body(limits, contentLength, chunked);
    }

    private static Optional<Refusal> body(TransportLimits limits, String contentLength, boolean chunked) {
        if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                // HTTP/1.x decoders refuse such a request before any route (a bare 400); not every
                // transport does
                return Optional.of(new Refusal(400, "Content-Length is not a number"));
            }
            if (length > limits.maxBodyBytes()) {
                return Optional.of(new Refusal(413, "the request body has " + length + " bytes; at most "
                        + limits.maxBodyBytes() + " are accepted"));
            }
        } else if (chunked) {
            // the length must be known before the body is read: a chunked body could only be refused
            // half-way, with a bare answer from the HTTP layer
            return Optional.of(new Refusal(411, "send request bodies with a Content-Length (chunked bodies are"
                    + " not accepted)"));
        }
        return Optional.empty();
    }
}
