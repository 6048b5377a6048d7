package com.privacyplatform.registry.scope;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One permitted (purpose, data category) pair of a partner (3.1.a-b, 3.2.a). */
@Entity
@Table(name = "partner_scope_entry")
public class ScopeEntry extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public static ScopeEntry of(UUID partnerId, String purpose, String category) {
        ScopeEntry entry = new ScopeEntry();
        entry.key = new Key(partnerId, purpose, category);
        return entry;
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "partner_id", nullable = false)
        public UUID partnerId;

        @Column(nullable = false)
        public String purpose;

        @Column(nullable = false)
        public String category;

        public Key() {
        }

        Key(UUID partnerId, String purpose, String category) {
            this.partnerId = partnerId;
            this.purpose = purpose;
            this.category = category;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(partnerId, k.partnerId) && Objects.equals(purpose, k.purpose)
                    && Objects.equals(category, k.category);
        }

        @Override
        public int hashCode() {
            return Objects.hash(partnerId, purpose, category);
        }
    }
}
