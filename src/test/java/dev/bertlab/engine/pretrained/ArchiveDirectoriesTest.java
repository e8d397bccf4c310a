package dev.bertlab.engine.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveDirectoriesTest {

    @TempDir
    Path temp;

    @Test
    void theJarOrClassesFolderOfACheckoutPointsAtItsDataFolder() throws Exception {
        Path checkout = Path.of("/home/me/bertlab");
        Path expected = checkout.resolve("data/models/archives");
        assertThat(ArchiveDirectories.installationArchives(URI.create("file:/home/me/bertlab/target/bertlab.jar")
                .toURL())).contains(expected);
        assertThat(ArchiveDirectories.installationArchives(URI.create("file:/home/me/bertlab/target/classes/")
                .toURL())).contains(expected);
        assertThat(ArchiveDirectories.installationArchives(new java.net.URL(null,
                "jar:nested:/home/me/bertlab/target/bertlab.jar/!BOOT-INF/classes/!/",
                new java.net.URLStreamHandler() {
                    @Override
                    protected java.net.URLConnection openConnection(java.net.URL u) {
                        throw new UnsupportedOperationException();
                    }
                }))).contains(expected);
        assertThat(ArchiveDirectories.installationArchives(null)).isEmpty();
    }

    @Test
    void theFirstPlaceHoldingTheArchiveWinsAndAMissingOneNamesEveryPlaceLookedIn() throws Exception {
        Path first = Files.createDirectories(temp.resolve("first"));
        Path second = Files.createDirectories(temp.resolve("second"));
        Files.writeString(second.resolve("model.jar"), "archive");
        ArchiveDirectories archives = new ArchiveDirectories(List.of(first, second, first));
        assertThat(archives.candidates()).containsExactly(first, second);
        assertThat(archives.find("model.jar")).contains(second.resolve("model.jar"));

        ModelRegistry registry = new ModelRegistry(temp.resolve("models"), new ArchiveDirectories(List.of(first)));
        assertThatThrownBy(() -> registry.unpack(registry.find("all-MiniLM-L6-v2").orElseThrow(), line -> { }))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("the archive of all-MiniLM-L6-v2 is missing")
                .hasMessageContaining(first.toString())
                .hasMessageContaining("bertlab.archives");
    }
}
