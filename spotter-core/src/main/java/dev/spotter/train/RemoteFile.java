package dev.spotter.train;

/** A file stored on the platform. */
record RemoteFile(String id, String filename, long bytes, String purpose) {}
