package dev.spotter.project;

/** A spotter.yaml that cannot be used; the message names the file and the key path (e.g. {@code sources[1].targets}). */
public final class ProjectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProjectException(String message) {
        super(message);
    }

    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
