package dev.bertlab.engine.data;

/** A dataset cannot be added because its name is taken. */
public class DatasetExistsException extends RuntimeException {

    private final String name;

    public DatasetExistsException(String name, boolean builtin) {
        super("a " + (builtin ? "built-in " : "") + "dataset named '" + name + "' already exists; choose another name"
                + (builtin ? "" : " or delete the existing dataset first"));
        this.name = name;
    }

    public String name() {
        return name;
    }
}
