package dev.bertlab.architecture.cyclesample.b;

import dev.bertlab.architecture.cyclesample.a.Ping;

/** The other half of the cycle of {@link Ping}. */
public class Pong {

    public Ping answer() {
        return new Ping();
    }
}
