package dev.bertlab.architecture.cyclesample.a;

import dev.bertlab.architecture.cyclesample.b.Pong;

/** Half of a cycle between two packages, made on purpose for {@code PackageDependencyTest}. */
public class Ping {

    public Pong answer() {
        return new Pong();
    }
}
