package dev.bertlab.engine.eval;

import java.io.IOException;
import java.nio.file.Path;

/** A predictions or metrics file that cannot be read back: says which file, where, and what is wrong. */
public class MalformedEvaluationFileException extends IOException {

    private final transient Path file;
    private final long line;

    /**
     * @param file    the file
     * @param line    1-based line, 0 if unknown
     * @param column  column name or number, null if the whole line is wrong
     * @param problem what is wrong and, where possible, what was expected
     * @param cause   the parser's exception, or null
     */
    public MalformedEvaluationFileException(Path file, long line, String column, String problem, Throwable cause) {
        super(file + (line > 0 ? ", line " + line : "") + (column != null ? ", column " + column : "") + ": "
                + problem, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }
}
