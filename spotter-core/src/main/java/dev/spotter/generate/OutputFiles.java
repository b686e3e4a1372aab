package dev.spotter.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes the three files of a run from the state, each atomically (temp file in the same directory, fsync, rename):
 * <ul>
 *   <li>{@code OUT.jsonl}: chat JSONL, only {@code messages} (uploadable as is; Together rejects extra columns);</li>
 *   <li>{@code OUT.provenance.jsonl}: line N describes line N of the output (plan, category, slot, attributes,
 *       prompt hash, provider, model, request id, tokens, cost, price date, time);</li>
 *   <li>{@code OUT.rejects.jsonl}: the quarantine: every rejected or failed response with its reason and raw body.</li>
 * </ul>
 * Order: plan category order, then slot number, so reruns produce byte-identical files for the same state.
 */
public final class OutputFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutputFiles() {}

    public static Path provenancePath(Path out) {
        return sibling(out, ".provenance.jsonl");
    }

    public static Path rejectsPath(Path out) {
        return sibling(out, ".rejects.jsonl");
    }

    private static Path sibling(Path out, String suffix) {
        String n = out.getFileName().toString();
        String base = n.endsWith(".jsonl") ? n.substring(0, n.length() - 6) : n;
        return out.resolveSibling(base + suffix);
    }

    /** Returns the number of example lines written. */
    public static long write(GenerationState state, GenerateOptions opts) throws IOException {
        Path out = opts.output.toAbsolutePath();
        Files.createDirectories(out.getParent());
        removeStaleTemps(out);
        long[] n = {0};
        try (AtomicFile data = new AtomicFile(out);
                AtomicFile prov = new AtomicFile(provenancePath(out))) {
            for (Plan.Category c : opts.plan.categories()) {
                int target = opts.target(c);
                state.forEachAccepted(c.id(), a -> {
                    if (a.slot() >= target) {
                        return; // a later --limit run asked for fewer; the example stays in state
                    }
                    try {
                        data.line(a.example());
                        ObjectNode p = MAPPER.createObjectNode();
                        p.put("line", ++n[0]);
                        p.put("plan", opts.plan.name());
                        p.put("category", a.category());
                        p.put("slot", a.slot());
                        p.put("custom_id", a.customId());
                        p.set("attributes", MAPPER.readTree(a.attributesJson()));
                        p.put("prompt_sha256", a.promptHash());
                        p.put("provider", a.provider());
                        p.put("model", a.model());
                        p.put("request_id", a.requestId());
                        p.put("mode", a.mode());
                        p.put("input_tokens", a.inputTokens());
                        p.put("output_tokens", a.outputTokens());
                        if (a.costUsd() == null) {
                            p.putNull("cost_usd");
                        } else {
                            p.put("cost_usd", a.costUsd());
                        }
                        p.put("price_as_of", a.priceAsOf());
                        p.put("created_at", a.createdAt());
                        prov.line(p.toString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            data.commit();
            prov.commit();
        }
        try (AtomicFile rej = new AtomicFile(rejectsPath(out))) {
            state.forEachReject(r -> {
                ObjectNode o = MAPPER.createObjectNode();
                o.put("custom_id", r.customId());
                o.put("category", r.category());
                o.put("slot", r.slot());
                o.put("attempt", r.attempt());
                o.put("status", r.status());
                o.put("reason_code", r.reasonCode());
                o.put("reason", r.reason());
                o.put("raw", r.raw());
                try {
                    rej.line(o.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            rej.commit();
        }
        return n[0];
    }

    /** Temp files left by a run killed while writing (".data.jsonl.123.tmp"): never valid output, safe to delete. */
    private static void removeStaleTemps(Path out) throws IOException {
        List<String> prefixes = List.of(
                "." + out.getFileName() + ".",
                "." + provenancePath(out).getFileName() + ".",
                "." + rejectsPath(out).getFileName() + ".");
        try (var files = Files.list(out.getParent())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (n.endsWith(".tmp") && prefixes.stream().anyMatch(n::startsWith)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** A temp file renamed over the target on commit; deleted if never committed. */
    static final class AtomicFile implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final FileChannel ch;
        private final BufferedWriter w;
        private boolean committed;

        AtomicFile(Path target) throws IOException {
            this.target = target;
            this.tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            this.ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            this.w = new BufferedWriter(
                    new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8), 1 << 16);
        }

        void line(String s) throws IOException {
            w.write(s);
            w.write('\n');
        }

        void commit() throws IOException {
            w.flush();
            ch.force(true);
            w.close();
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                w.close();
                Files.deleteIfExists(tmp);
            }
        }
    }
}
