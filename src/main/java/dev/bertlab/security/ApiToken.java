package dev.bertlab.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token for the REST API, acting with its owner's role; only its SHA-256 is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 64)
    private String owner;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used")
    private Instant lastUsed;

    @Column(nullable = false)
    private boolean revoked;

    protected ApiToken() {
    }

    ApiToken(String name, String tokenHash, String owner) {
        this.name = name;
        this.tokenHash = tokenHash;
        this.owner = owner;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsed() {
        return lastUsed;
    }

    void setLastUsed(Instant lastUsed) {
        this.lastUsed = lastUsed;
    }

    public boolean isRevoked() {
        return revoked;
    }

    void revoke() {
        this.revoked = true;
    }
}
