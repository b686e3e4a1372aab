package dev.spotter.spark;

import dev.spotter.assemble.Text;
import dev.spotter.format.AcceptedLine;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.format.RejectReason;
import dev.spotter.format.ValidationSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Validates one line with Spotter's {@link ChatValidator} (every check, bytes first: UTF-8, BOM, length, then
 * JSON, schema, roles, special tokens and the token limit) and keys an accepted one with the embedded build's
 * exact-duplicate key. Pure: the outcome depends on the line's bytes and the {@link ValidationSpec} only.
 *
 * <p>The validator is built once per executor copy of this function (it is not serialisable: it holds the
 * tokenizer); only the spec travels. Phase-1 cost: the public validator API takes a stream, so each line is a
 * one-line stream with its own small buffers and no system-prompt token memo; a per-record check in the core
 * (the typed step model) removes that.
 */
final class CheckLine implements Function<InputLine, LineOutcome> {
    private static final long serialVersionUID = 1L;
    private final ValidationSpec spec;
    private transient @Nullable ChatValidator validator;

    CheckLine(ValidationSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public LineOutcome call(InputLine line) throws IOException {
        ChatValidator v = validator;
        if (v == null) {
            v = spec.validator();
            validator = v;
        }
        // the terminator the engine removed: without it an empty line would be no line at all
        byte[] b = Arrays.copyOf(line.bytes(), line.bytes().length + 1);
        b[b.length - 1] = '\n';
        List<AcceptedLine> accepted = new ArrayList<>(1);
        ValidationSummary s;
        try (QuarantineWriter q = QuarantineWriter.discarding()) {
            s = v.validate(new ByteArrayInputStream(b), line.source(), accepted::add, q);
        }
        if (s.read() != 1) {
            throw new IllegalStateException(line + " was read as " + s.read() + " lines");
        }
        if (!accepted.isEmpty()) {
            return new LineOutcome(
                    LineOutcome.ACCEPTED,
                    Text.hash64(Text.exactKey(accepted.get(0).example())));
        }
        RejectReason reason = s.reasons().keySet().iterator().next();
        return new LineOutcome(reason.code(), 0);
    }

    ValidationSpec spec() {
        return spec;
    }
}
