package dev.bertlab.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-04T03:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }
    }

    private final HandClock clock = new HandClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(5, 12, Duration.ofMinutes(10), Duration.ofMinutes(15)), clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void fiveFailuresLockThatUserFromThatAddressForTheLockDuration() {
        fail("admin", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).isEmpty();
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("ADMIN ", "10.0.0.1")).as("the user name's case and spaces").isPresent();
        clock.pass(Duration.ofMinutes(14));
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).contains(Duration.ofMinutes(1));
        clock.pass(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).isEmpty();
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).as("a fresh count after the lock").isEmpty();
    }

    @Test
    void otherUsersAndOtherAddressesAreNotLockedByOnePairsFailures() {
        fail("admin", "10.0.0.1", 5);
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).isPresent();
        assertThat(throttle.lockedFor("alice", "10.0.0.1")).isEmpty();
        assertThat(throttle.lockedFor("admin", "10.0.0.2")).isEmpty();
    }

    @Test
    void oneAddressTryingManyUsersIsLockedAsAWhole() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.lockedFor("someone-else", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("someone-else", "10.0.0.8")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowAndFailuresBeforeASuccessAreForgotten() {
        fail("admin", "10.0.0.1", 4);
        clock.pass(Duration.ofMinutes(11));
        fail("admin", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).isEmpty();
        throttle.succeeded("admin", "10.0.0.1");
        fail("admin", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).isEmpty();
    }
}
