package dev.bertlab.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. {@code maxFailures} failed logins of one user from one client address within the
 * window lock that user at that address for the lock duration (the right password is refused too); other users at
 * that address and that user elsewhere are not locked by them. {@code maxFailuresPerAddress} failures from one address
 * whatever the user names (someone trying many users) lock the whole address. A successful login forgets the pair's
 * failures. Kept in memory: a restart forgets them.
 */
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottle {

    private static final int FORGET_ABOVE = 10_000;

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final Map<String, Attempts> pairs = new HashMap<>();
    private final Map<String, Attempts> addresses = new HashMap<>();

    /** One key's recent failures and its lock. */
    private static final class Attempts {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
    }

    @Autowired
    public LoginThrottle(LoginThrottleProperties settings) {
        this(settings, Clock.systemUTC());
    }

    public LoginThrottle(LoginThrottleProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how long the user at that address is still locked out; empty when they may try */
    public synchronized Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        Instant until = Instant.MIN;
        for (Attempts attempts : new Attempts[] {pairs.get(pair(user, address)), addresses.get(address(address))}) {
            if (attempts != null && attempts.lockedUntil.isAfter(until)) {
                until = attempts.lockedUntil;
            }
        }
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        if (pairs.size() + addresses.size() > FORGET_ABOVE) {
            forgetStale(now);
        }
        count(pairs.computeIfAbsent(pair(user, address), k -> new Attempts()), settings.maxFailures(), now);
        count(addresses.computeIfAbsent(address(address), k -> new Attempts()), settings.maxFailuresPerAddress(), now);
    }

    public synchronized void succeeded(String user, String address) {
        pairs.remove(pair(user, address));
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        address(event.getAuthentication()).ifPresent(address -> failed(event.getAuthentication().getName(), address));
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        address(event.getAuthentication()).ifPresent(address -> succeeded(event.getAuthentication().getName(), address));
    }

    /** Only logins through the login form carry the client's address. */
    private static Optional<String> address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? Optional.of(details.getRemoteAddress()) : Optional.empty();
    }

    private void count(Attempts attempts, int max, Instant now) {
        Instant since = now.minus(settings.window());
        while (!attempts.failures.isEmpty() && !attempts.failures.peekFirst().isAfter(since)) {
            attempts.failures.removeFirst();
        }
        attempts.failures.addLast(now);
        if (attempts.failures.size() >= max) {
            attempts.lockedUntil = now.plus(settings.lock());
            attempts.failures.clear();
        }
    }

    private void forgetStale(Instant now) {
        Instant since = now.minus(settings.window());
        for (Map<String, Attempts> map : java.util.List.of(pairs, addresses)) {
            map.values().removeIf(a -> !a.lockedUntil.isAfter(now)
                    && (a.failures.isEmpty() || !a.failures.peekLast().isAfter(since)));
        }
    }

    private static String pair(String user, String address) {
        return (user == null ? "" : user.trim().toLowerCase(Locale.ROOT)) + "\n" + address;
    }

    private static String address(String address) {
        return String.valueOf(address);
    }
}
