package com.privacyplatform.commons.paging;

import java.util.List;

/** A keyset-paginated list (API-CONVENTIONS.md "Lists"); {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
