package dev.bertlab.web.api;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Request bodies are records that collect the keys they do not know in a component named {@value #COMPONENT}
 * (a {@code @JsonAnySetter}), so that a misspelt key is an error that names it rather than a silent default.
 */
public final class UnknownKeys {

    public static final String COMPONENT = "unknownKeys";

    private UnknownKeys() {
    }

    /** What to say of an unknown key in a body of {@code type}: which keys it knows. */
    public static String problem(Class<? extends Record> type) {
        String known = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !COMPONENT.equals(name)).collect(Collectors.joining(", "));
        return "unknown key; the keys are " + known;
    }
}
