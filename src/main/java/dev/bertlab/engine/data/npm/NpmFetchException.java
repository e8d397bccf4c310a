package dev.bertlab.engine.data.npm;

/** Fetching a package with npm failed: npm is missing, the command failed or timed out, or the tarball is wrong. */
public class NpmFetchException extends RuntimeException {

    public NpmFetchException(String message) {
        super(message);
    }

    public NpmFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
