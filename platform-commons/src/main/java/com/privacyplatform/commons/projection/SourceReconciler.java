package com.privacyplatform.commons.projection;

import com.privacyplatform.commons.projection.SourcePages.Pass;
import com.privacyplatform.commons.projection.SourcePages.Source;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link Reconciler} whose source is another service's paged list, read with {@link SourcePages}
 * and a {@code platform-services} token: a subclass names the projection, where its source is and
 * how one page of it is applied ({@link #applyPage}, in a transaction of its own, answering the
 * entries it repaired).
 *
 * @param <T> an item of the source's pages
 */
public abstract class SourceReconciler<T> implements Reconciler {

    /** Where the source is: a base URL and a path, its page size, and whether it is read at all. */
    public record SourceConfig(boolean enabled, URI base, String path, int pageSize) {
    }

    private final String projection;
    private final SourceConfig source;
    private final Class<T> type;
    private final SourcePages pages;
    private final Supplier<Uni<String>> bearer;

    /** @param bearer the {@code Authorization} value of a platform-services token, asked once per pass */
    protected SourceReconciler(String projection, SourceConfig source, Class<T> type, SourcePages pages,
            Supplier<Uni<String>> bearer) {
        this.projection = projection;
        this.source = source;
        this.type = type;
        this.pages = pages;
        this.bearer = bearer;
    }

    /** For the client proxy of a normal-scoped subclass (CDI needs a no-args constructor up the hierarchy). */
    protected SourceReconciler() {
        this(null, null, null, null, null);
    }

    /** Applies one page of the source; answers how many entries of the projection it repaired (drift). */
    protected abstract Uni<Integer> applyPage(List<T> page);

    @Override
    public String projection() {
        return projection;
    }

    @Override
    public boolean hasSource() {
        return source.enabled();
    }

    @Override
    public Uni<Integer> reconcile() {
        return passFrom(source.base()).map(Pass::repaired);
    }

    /** One pass over the source at {@code base} (the configured one, or another in a test). */
    protected Uni<Pass> passFrom(URI base) {
        return pages.apply(new Source(base, source.path(), source.pageSize()),
                Uni.createFrom().deferred(bearer::get), type, this::applyPage);
    }
}
