package com.privacyplatform.commons.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

@Entity
@Table(name = "test_widget")
public class Widget extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String name;

    @Column(name = "owner_email")
    public String ownerEmail;

    @Column(nullable = false)
    public int size;

    @Version
    public long version;
}
