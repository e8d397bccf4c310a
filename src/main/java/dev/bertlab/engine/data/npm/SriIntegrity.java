package dev.bertlab.engine.data.npm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A Subresource Integrity value as npm records it for a tarball: {@code sha512-<base64 digest>}.
 *
 * @param value the SRI string
 */
public record SriIntegrity(String value) {

    private static final String PREFIX = "sha512-";

    public SriIntegrity {
        if (value == null || !value.startsWith(PREFIX) || value.length() == PREFIX.length()) {
            throw new IllegalArgumentException("integrity must be 'sha512-<base64>' as npm prints it, got '"
                    + value + "'");
        }
        Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    /** The SRI value of a file's content. */
    public static SriIntegrity of(Path file) throws IOException {
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-512", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                sha512.update(buffer, 0, read);
            }
        }
        return new SriIntegrity(PREFIX + Base64.getEncoder().encodeToString(sha512.digest()));
    }

    public boolean matches(Path file) throws IOException {
        return equals(of(file));
    }

    @Override
    public String toString() {
        return value;
    }
}
