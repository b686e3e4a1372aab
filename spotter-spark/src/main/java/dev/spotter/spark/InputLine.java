package dev.spotter.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a JSONL input as it is in the file: its raw bytes (no terminator; a {@code \r} of a CRLF file is
 * still there, as the embedded reader would see it before stripping), where it came from and where it starts.
 * Bytes, not a String: decoding happens in the validator, which must see invalid UTF-8 to reject it.
 *
 * @param source the file's URI as the engine names it (e.g. {@code file:/data/a.jsonl}, {@code s3a://b/a.jsonl})
 * @param offset byte offset of the line's first byte in the (decompressed) file; with {@code source} it
 *               identifies the line and orders a file's lines as the embedded build reads them
 * @param bytes  the line's bytes (owned by this record: never mutate)
 */
public record InputLine(String source, long offset, byte[] bytes) implements Serializable {
    public InputLine {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputLine l
                && offset == l.offset
                && source.equals(l.source)
                && Arrays.equals(bytes, l.bytes);
    }

    @Override
    public int hashCode() {
        return (source.hashCode() * 31 + Long.hashCode(offset)) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "InputLine[" + source + " @" + offset + ", " + bytes.length + " bytes]";
    }
}
