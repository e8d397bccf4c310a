package dev.bertlab.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling ({@code bertlab.login.*}).
 *
 * @param maxFailures failed logins of one user from one client address, within the window, that lock that pair
 * @param maxFailuresPerAddress failed logins from one client address, whatever the user names, that lock the address
 * @param window how far back failures count
 * @param lock how long a lock lasts
 */
@ConfigurationProperties("bertlab.login")
public record LoginThrottleProperties(Integer maxFailures, Integer maxFailuresPerAddress, Duration window,
        Duration lock) {

    public LoginThrottleProperties {
        maxFailures = maxFailures == null ? 5 : Math.max(1, maxFailures);
        maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : Math.max(1, maxFailuresPerAddress);
        window = window == null ? Duration.ofMinutes(15) : window;
        lock = lock == null ? Duration.ofMinutes(15) : lock;
    }
}
