package dev.spotter.train;

/** A file stored on the platform. */
public record RemoteFile(String id, String filename, long bytes, String purpose) {}
