package dev.bertlab.engine.data;

import java.util.List;

/** No dataset of the asked name exists in the catalog. */
public class DatasetNotFoundException extends RuntimeException {

    private final String name;

    public DatasetNotFoundException(String name, List<String> available) {
        super("no dataset named '" + name + "'; available: " + String.join(", ", available));
        this.name = name;
    }

    public String name() {
        return name;
    }
}
