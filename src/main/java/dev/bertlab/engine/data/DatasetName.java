package dev.bertlab.engine.data;

import java.util.regex.Pattern;

/** The rule for catalog names: they become directory names, so they are short, lowercase and portable. */
public final class DatasetName {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private DatasetName() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Throws if the name is not valid, saying what a valid name looks like. */
    public static String check(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(describeInvalid(name));
        }
        return name;
    }

    static String describeInvalid(String name) {
        return "invalid dataset name '" + name + "': use 1 to 64 characters a-z, 0-9, '-' or '_', starting with"
                + " a letter or digit";
    }
}
