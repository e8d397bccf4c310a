package dev.bertlab.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where uploads wait to be imported: {@code <data>/tmp/uploads/<node>/bertlab-upload-N/<file>}, one directory per
 * upload. The folder is this node's own (nodes sharing a data directory have a folder each), so what a previous
 * process of the node left there, after a crash or with its pages still open, is removed at start.
 */
final class UploadFolder {

    static final String PREFIX = "bertlab-upload-";
    private static final Logger LOG = LoggerFactory.getLogger(UploadFolder.class);

    private final Path root;

    UploadFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Removes every upload a previous process left behind; returns how many. */
    int clearLeftovers() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(e -> e.getFileName().toString().startsWith(PREFIX)).toList()) {
                if (delete(entry)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the upload folder {}: {}", root, e.getMessage());
        }
        if (removed > 0) {
            LOG.info("removed {} upload(s) left in {} by a previous run", removed, root);
        }
        return removed;
    }

    /** A fresh place for one upload, named like the uploaded file (made safe). */
    Path newFile(String fileName) {
        String safe = Path.of(fileName == null || fileName.isBlank() ? "upload" : fileName).getFileName().toString()
                .replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, PREFIX).resolve(safe);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the upload in " + root, e);
        }
    }

    /** Removes an upload made with {@link #newFile} and its directory; any other file alone. */
    void discard(Path file) {
        if (file == null) {
            return;
        }
        Path directory = file.toAbsolutePath().normalize().getParent();
        if (directory != null && root.equals(directory.getParent())
                && directory.getFileName().toString().startsWith(PREFIX)) {
            delete(directory);
        } else {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("cannot remove the upload {}: {}", file, e.getMessage());
            }
        }
    }

    private static boolean delete(Path path) {
        try {
            if (Files.exists(path)) {
                PathUtils.delete(path);
                return true;
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the upload {}: {}", path, e.getMessage());
        }
        return false;
    }
}
