package dev.bertlab.engine.train;

/** Where the loop's collaborators send a {@link TrainingEvents.Notice}. */
@FunctionalInterface
interface NoticeSink {

    void notice(int step, String kind, String message);
}
