package dev.bertlab.engine.data.importing;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the mapped columns of one file format, reporting malformed content as problems instead of failing. */
interface TableReader {

    /**
     * @param file      the file, known to exist, be non-empty and (for text formats) valid UTF-8
     * @param fileLabel how problems name the file
     * @return the rows read (a mapped column the file lacks reads as null values), or null if the file could not
     *         be read at all (reported)
     */
    RawTable read(Path file, String fileLabel, ColumnMapping columns, ProblemCollector problems) throws IOException;
}
