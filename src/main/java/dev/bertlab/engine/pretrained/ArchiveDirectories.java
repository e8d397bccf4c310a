package dev.bertlab.engine.pretrained;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the base-model archives may be, in the order they are looked in. The build copies them into the checkout's
 * {@code data/models/archives}; a data directory elsewhere ({@code BERTLAB_DATA}) still finds them there.
 * <ol>
 *   <li>{@code <data>/models/archives}</li>
 *   <li>the configured {@code bertlab.archives}, if set</li>
 *   <li>{@code data/models/archives} of the checkout the running jar (or classes folder) was built in:
 *       {@code target/bertlab.jar} looks in {@code target/../data/models/archives}</li>
 *   <li>{@code data/models/archives} under the working directory</li>
 * </ol>
 */
public final class ArchiveDirectories {

    private static final Path CONVENTIONAL = Path.of("data", "models", "archives");

    private final List<Path> candidates;

    public ArchiveDirectories(List<Path> candidates) {
        Set<Path> distinct = new LinkedHashSet<>();
        candidates.forEach(candidate -> distinct.add(candidate.toAbsolutePath().normalize()));
        this.candidates = List.copyOf(distinct);
    }

    /** The places above for a data directory and the configured {@code bertlab.archives} (null or blank: none). */
    public static ArchiveDirectories forDataDirectory(Path dataDirectory, String configured) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(dataDirectory.resolve("models").resolve("archives"));
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        installationArchives(ArchiveDirectories.class.getProtectionDomain().getCodeSource() == null ? null
                : ArchiveDirectories.class.getProtectionDomain().getCodeSource().getLocation())
                .ifPresent(candidates::add);
        candidates.add(CONVENTIONAL);
        return new ArchiveDirectories(candidates);
    }

    public List<Path> candidates() {
        return candidates;
    }

    /** The first place holding the archive, if any does. */
    public Optional<Path> find(String archive) {
        return candidates.stream().map(directory -> directory.resolve(archive)).filter(Files::isRegularFile)
                .findFirst();
    }

    /** Says where {@code archive} was looked for, for a message. */
    public String describeSearch(String archive) {
        return archive + " is in none of " + String.join(", ", candidates.stream().map(Path::toString).toList());
    }

    /**
     * The archives directory of the checkout that built the code at {@code location}: the jar
     * ({@code .../target/bertlab.jar}, or Spring Boot's {@code jar:nested:/.../target/bertlab.jar/!BOOT-INF/...}) or
     * the classes folder ({@code .../target/classes/}) sits in {@code target/}, beside {@code data/}.
     */
    static Optional<Path> installationArchives(URL location) {
        if (location == null) {
            return Optional.empty();
        }
        String text = location.toString();
        Path code;
        try {
            if (text.startsWith("jar:nested:")) {
                String path = text.substring("jar:nested:".length());
                int inside = path.indexOf("/!");
                code = Path.of(inside < 0 ? path : path.substring(0, inside));
            } else if (text.startsWith("jar:file:")) {
                int inside = text.indexOf("!/");
                code = Path.of(new URI(inside < 0 ? text.substring(4) : text.substring(4, inside)));
            } else if (text.startsWith("file:")) {
                code = Path.of(location.toURI());
            } else {
                return Optional.empty();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        Path target = code.toAbsolutePath().normalize().getParent();
        Path checkout = target == null ? null : target.getParent();
        return checkout == null ? Optional.empty() : Optional.of(checkout.resolve(CONVENTIONAL));
    }
}
