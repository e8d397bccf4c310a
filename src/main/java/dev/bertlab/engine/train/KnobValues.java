package dev.bertlab.engine.train;

/** Read access to a set of knob values, so one knob's check or default can depend on another's value. */
public interface KnobValues {

    <T> T get(Knob<T> knob);
}
