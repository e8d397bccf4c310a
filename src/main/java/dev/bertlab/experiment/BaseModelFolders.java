package dev.bertlab.experiment;

import dev.bertlab.config.BertLabProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where the dashboard and the API may load a base model from, besides the registry's names: a Hugging Face model
 * directory in the models folder ({@code bertlab.models}, default {@code <data>/models}; a relative path is taken
 * inside it) or a finished run's model directory in the runs folder. Links and ".." are resolved before the check,
 * so nothing outside these folders can be read, and a path outside is refused alike whether it exists or not.
 * The CLI does not ask: the machine's owner may train from any directory.
 */
@Component
public class BaseModelFolders {

    private final Path models;
    private final List<Path> folders;

    public BaseModelFolders(BertLabProperties properties) {
        this.models = properties.models().toAbsolutePath().normalize();
        this.folders = List.of(models, properties.runs().toAbsolutePath().normalize());
    }

    /** Whether {@code directory} is a model directory (it has a config.json) inside one of the folders. */
    public boolean contains(String directory) {
        try {
            Path path = resolve(directory);
            if (!Files.isRegularFile(path.resolve("config.json"))) {
                return false;
            }
            Path real = path.toRealPath();
            return folders.stream().anyMatch(folder -> inside(real, folder));
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    /** The directory a base model names: absolute as given, or relative to the models folder. */
    public Path resolve(String directory) {
        return models.resolve(directory).normalize();
    }

    private static boolean inside(Path real, Path folder) {
        try {
            Path root = folder.toRealPath();
            return real.startsWith(root) && !real.equals(root);
        } catch (IOException e) {
            return false;
        }
    }
}
