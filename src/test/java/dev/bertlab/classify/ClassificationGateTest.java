package dev.bertlab.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClassificationGateTest {

    @Test
    void oneComputesOneWaitsTheRestAreRefusedAtOnce() throws Exception {
        ClassificationGate gate = new ClassificationGate(1, 1, Duration.ofSeconds(5));
        ClassificationGate.Permit running = gate.enter();
        assertThat(gate.active()).isEqualTo(1);

        CompletableFuture<ClassificationGate.Permit> waiter = CompletableFuture.supplyAsync(gate::enter);
        Thread.sleep(200);
        long start = System.nanoTime();
        assertThatThrownBy(gate::enter).isInstanceOf(ClassifierBusyException.class)
                .satisfies(e -> assertThat(((ClassifierBusyException) e).retryAfterSeconds()).isPositive());
        assertThat((System.nanoTime() - start) / 1e6).as("refused without waiting").isLessThan(1000);

        running.close();
        running.close();
        ClassificationGate.Permit next = waiter.get(2, TimeUnit.SECONDS);
        assertThat(gate.active()).isEqualTo(1);
        next.close();
        assertThat(gate.active()).isZero();
    }

    @Test
    void aWaiterGivesUpAfterTheMaximumWait() {
        ClassificationGate gate = new ClassificationGate(1, 4, Duration.ofMillis(150));
        try (ClassificationGate.Permit running = gate.enter()) {
            long start = System.nanoTime();
            assertThatThrownBy(gate::enter).isInstanceOf(ClassifierBusyException.class);
            assertThat((System.nanoTime() - start) / 1e6).isBetween(100.0, 2000.0);
        }
        try (ClassificationGate.Permit again = gate.enter()) {
            assertThat(gate.active()).isEqualTo(1);
        }
    }
}
