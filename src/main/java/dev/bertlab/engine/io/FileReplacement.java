package dev.bertlab.engine.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file so that readers see the old one or the whole new one, never half of it: the content goes to a
 * temporary file beside it, which is then moved into place.
 *
 * <p>Not {@code Files.createTempFile}: it creates the file readable by its owner only, and the move keeps that, so
 * a model written for another user or container (a Python reader, a mounted volume) would be unreadable to them.
 * The temporary file here is created like any other file, with the process's umask.
 */
public final class FileReplacement {

    private FileReplacement() {
    }

    /** A writer of the file's new content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    /** Writes {@code target} through a temporary file beside it; on failure the old file stays as it was. */
    public static void write(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            content.writeTo(temporary);
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
