package com.privacyplatform.commons.testapp;

import java.util.UUID;

public record WidgetView(UUID id, UUID partnerId, String name, String ownerEmail, int size) {
}
