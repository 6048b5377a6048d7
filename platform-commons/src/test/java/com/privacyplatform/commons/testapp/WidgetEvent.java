package com.privacyplatform.commons.testapp;

import java.util.UUID;

/** Data of the test events {@code widget.created} and {@code widget.touched}. */
public record WidgetEvent(UUID widgetId, UUID partnerId, String name, int n) {
}
