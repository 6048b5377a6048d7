package com.privacyplatform.commons.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads another service's list ({@code {"items": [...], "nextCursor": ...}}, the platform's list
 * shape) page by page with the caller's bearer token - a {@code platform-services} client-credentials
 * token: the sources the projections are built and reconciled from (the registry's
 * {@code GET /partner-snapshots}, consent-service's {@code GET /holdings-feed}, breach-service's
 * {@code GET /emergency-orders?active=true}). The token is asked once per pass; the next page only
 * after the previous one was applied; a pass ends at the first page without a {@code nextCursor}
 * or without items. Any answer but 200 with items fails the pass (the projection keeps what it had).
 * Connecting may take 5 s, a page 30 s.
 */
@ApplicationScoped
public class SourcePages {

    /** {@code base} + {@code path}, pages of {@code pageSize}, and any further {@code query} ({@code active=true}). */
    public record Source(URI base, String path, String query, int pageSize) {

        public Source(URI base, String path, int pageSize) {
            this(base, path, "", pageSize);
        }
    }

    /** What one pass read and what applying it repaired. */
    public record Pass(int items, int repaired) {
    }

    private final HttpClient http;
    private final ObjectMapper json;

    public SourcePages(Vertx vertx, ObjectMapper json) {
        this.http = vertx.createHttpClient();
        this.json = json;
    }

    /**
     * Reads every page in order and hands its items, read as {@code type}, to {@code apply} (a page in a
     * transaction of its own, say), which answers how many entries it repaired.
     */
    public <T> Uni<Pass> apply(Source source, Uni<String> bearer, Class<T> type, Function<List<T>, Uni<Integer>> apply) {
        return bearer.chain(token -> page(source, token, type, null, new Pass(0, 0), apply));
    }

    /** Every item of every page, in order (for a source applied as a whole). */
    public <T> Uni<List<T>> all(Source source, Uni<String> bearer, Class<T> type) {
        List<T> all = new ArrayList<>();
        return apply(source, bearer, type, items -> {
            all.addAll(items);
            return Uni.createFrom().item(0);
        }).replaceWith(all);
    }

    private <T> Uni<Pass> page(Source source, String bearer, Class<T> type, String cursor, Pass sofar,
            Function<List<T>, Uni<Integer>> apply) {
        String uri = source.path() + "?limit=" + source.pageSize()
                + (source.query().isEmpty() ? "" : "&" + source.query())
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return get(source.base(), uri, bearer).chain(body -> {
            JsonNode items = body.get("items");
            if (items == null || !items.isArray()) {
                return Uni.createFrom().failure(new IllegalStateException(source.base() + source.path()
                        + " answered without items"));
            }
            List<T> read = json.convertValue(items, json.getTypeFactory().constructCollectionType(List.class, type));
            JsonNode next = body.get("nextCursor");
            return apply.apply(read).chain(repaired -> {
                Pass pass = new Pass(sofar.items() + read.size(), sofar.repaired() + repaired);
                return next == null || next.isNull() || read.isEmpty() ? Uni.createFrom().item(pass)
                        : page(source, bearer, type, next.asText(), pass, apply);
            });
        });
    }

    private Uni<JsonNode> get(URI base, String uri, String bearer) {
        boolean ssl = "https".equals(base.getScheme());
        String prefix = base.getPath() == null ? "" : base.getPath().replaceAll("/$", "");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80).setSsl(ssl).setURI(prefix + uri)
                .putHeader("Authorization", bearer).putHeader("Accept", "application/json")
                .setConnectTimeout(5_000).setIdleTimeout(30_000);
        return Uni.createFrom().completionStage(() -> http.request(options).compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(base + uri + " answered " + response.statusCode());
                    }
                    try {
                        return json.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException(base + uri + " answered no JSON", e);
                    }
                })).toCompletionStage());
    }
}
