package dev.bertlab.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplacementTest {

    @TempDir
    Path directory;

    @Test
    void theNewFileGetsThePermissionsAnyNewFileGetsHereNotOwnerOnly() throws IOException {
        Path ordinary = Files.writeString(directory.resolve("ordinary.txt"), "x");
        Path written = directory.resolve("model.onnx");
        FileReplacement.write(written, temporary -> Files.writeString(temporary, "new"));
        assertThat(Files.readString(written)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(ordinary));
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ordinary.txt",
                    "model.onnx");
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = Files.writeString(directory.resolve("report.json"), "old");
        assertThatThrownBy(() -> FileReplacement.write(target, temporary -> {
            Files.writeString(temporary, "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(target);
        }
    }
}
