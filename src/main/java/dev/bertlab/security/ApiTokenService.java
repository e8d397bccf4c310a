package dev.bertlab.security;

import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes REST API tokens. A token is shown once, at issue; only its hash is kept. */
@Service
public class ApiTokenService {

    private static final String PREFIX = "blt_";
    private static final java.time.Duration LAST_USED_RESOLUTION = java.time.Duration.ofMinutes(1);
    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokenRepository tokens, AppUserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    /** A token issued now: the secret is in {@code secret} and nowhere else. */
    public record Issued(ApiToken token, String secret) {
    }

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public Issued issue(String name, String owner) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token needs a name (what it is for)");
        }
        users.findByUsername(owner).orElseThrow(() -> new IllegalArgumentException("no user " + owner));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(name.trim(), hash(secret), owner));
        return new Issued(token, secret);
    }

    /** The owner's role for a valid, unrevoked token. */
    @Transactional
    public Optional<Authenticated> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(secret)).filter(t -> !t.isRevoked()).flatMap(token -> {
            // "last used" to the minute: a write per request would cost a commit on every classification
            Instant now = Instant.now();
            if (token.getLastUsed() == null || token.getLastUsed().isBefore(now.minus(LAST_USED_RESOLUTION))) {
                token.setLastUsed(now);
            }
            return users.findByUsername(token.getOwner()).map(u -> new Authenticated(u.getUsername(), u.getRole()));
        });
    }

    /** Who a token acts for. */
    public record Authenticated(String username, Role role) {
    }

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void revoke(long id) {
        tokens.findById(id).orElseThrow(() -> new IllegalArgumentException("no token " + id)).revoke();
    }

    public List<ApiToken> all() {
        return tokens.findAll();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
