package com.privacyplatform.commons.paging;

import java.util.List;
import java.util.function.Function;

/** A keyset-paginated list (API-CONVENTIONS.md "Lists"); {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** The same page with each item turned into its view; the cursor stays the page's own. */
    public <V> Page<V> map(Function<? super T, ? extends V> view) {
        return new Page<>(items.stream().<V>map(view).toList(), nextCursor);
    }
}
