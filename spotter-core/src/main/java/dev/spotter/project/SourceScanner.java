package dev.spotter.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.spotter.FileException;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.RejectReason;
import dev.spotter.kernel.ProgressListener;
import dev.spotter.kernel.ProgressStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Streams the lines of a source's JSONL files and classifies each one: accepted (an example with its category
 * and token count) or rejected with a reason code. Memory stays constant: one line at a time, lines longer than
 * {@link #MAX_LINE_CHARS} are skipped to their newline without being held.
 *
 * <p>The chat rules (and their reason codes) are the foundation's {@link ChatValidator}; this class adds what a
 * project needs around them: globbed source files, metadata columns, the category, and the token count.
 */
public final class SourceScanner {
    /** Longest line accepted (characters); a longer one is rejected as {@code line_too_long}. */
    public static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private final Project project;
    private final ExampleTokenCounter tokens;
    private final ChatValidator validator;
    private final ProgressListener progress;

    public SourceScanner(Project project, ExampleTokenCounter tokens) {
        this(project, tokens, ProgressListener.NONE);
    }

    /** A scanner that reports the lines and bytes it reads from each file as task "ingest FILE". */
    public SourceScanner(Project project, ExampleTokenCounter tokens, ProgressListener progress) {
        this.project = project;
        this.tokens = tokens;
        this.progress = progress;
        // Tokens are counted once, below, for both the limit and the statistics.
        this.validator = ChatValidator.builder().noTokenLimit().build();
    }

    /** A source path that names files by pattern ({@code *}, {@code ?}, {@code [...]}), not one file. */
    static boolean isGlob(String path) {
        return path.contains("*") || path.contains("?") || path.contains("[");
    }

    /** The files a source's paths name (globs expanded, sorted); missing literal paths are listed too, flagged by absence. */
    public List<Path> files(SourceSpec source) {
        Path base = project.baseDir();
        List<Path> out = new ArrayList<>();
        for (String p : source.paths()) {
            if (isGlob(p)) {
                int cut = p.replace('\\', '/').lastIndexOf('/', firstGlob(p));
                Path dir = cut < 0 ? base : base.resolve(p.substring(0, cut));
                PathMatcher m = FileSystems.getDefault()
                        .getPathMatcher("glob:" + base.resolve(p).normalize());
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.filter(Files::isRegularFile)
                                .map(Path::normalize)
                                .filter(m::matches)
                                .filter(f -> source.categorySidecar() == null
                                        || !f.getFileName().toString().endsWith(source.categorySidecar()))
                                .sorted()
                                .forEach(out::add);
                    } catch (IOException e) {
                        throw FileException.reading(dir, e);
                    }
                }
            } else {
                out.add(base.resolve(p).normalize());
            }
        }
        return out;
    }

    private static int firstGlob(String p) {
        int i = p.length();
        for (char c : new char[] {'*', '?', '['}) {
            int j = p.indexOf(c);
            if (j >= 0) {
                i = Math.min(i, j);
            }
        }
        return i;
    }

    /** Project-relative, '/'-separated name of a file (what provenance records). */
    public String relative(Path file) {
        Path base = project.baseDir().normalize();
        Path abs = file.toAbsolutePath().normalize();
        String s = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
        return s.replace('\\', '/');
    }

    /** Calls {@code sink} for every line of every existing file of the source, in file then line order. */
    public void scan(SourceSpec source, Consumer<SourceRecord> sink) {
        for (Path f : files(source)) {
            if (Files.isRegularFile(f)) {
                scanFile(source, f, sink);
            }
        }
    }

    void scanFile(SourceSpec source, Path f, Consumer<SourceRecord> sink) {
        scanFile(source, f, relative(f), sink);
    }

    /**
     * Scans one file under a fixed provenance label (the build's synthesized files live in its state directory;
     * the label keeps provenance independent of where the build writes).
     */
    public void scanFile(SourceSpec source, Path f, String rel, Consumer<SourceRecord> sink) {
        source.requireJsonl(); // this reader reads JSONL only: a Parquet file is refused, never read as broken lines
        Path side = source.sidecar(f);
        try (Reader r = reader(ProgressStream.wrap(Files.newInputStream(f), "ingest " + rel, Files.size(f), progress));
                Reader sr = side != null && Files.isRegularFile(side) ? reader(side) : null) {
            LineReader lines = new LineReader(r, MAX_LINE_CHARS);
            LineReader sideLines = sr == null ? null : new LineReader(sr, MAX_LINE_CHARS);
            String line;
            long no = 0;
            while ((line = lines.next()) != null) {
                no++;
                // read the sidecar in lockstep: line N describes line N
                String sideLine = sideLines == null ? null : sideLines.next();
                if (lines.tooLong()) {
                    sink.accept(tooLong(source, rel, no, line));
                    continue;
                }
                SourceRecord rec =
                        check(source, rel, no, line, side == null ? null : sideCategory(source, side, sideLine));
                sink.accept(rec);
            }
        } catch (IOException e) {
            throw FileException.reading(Path.of(rel), e);
        }
    }

    /**
     * Classifies one line of a source without a category sidecar exactly as {@link #scanFile} does, for an engine
     * that reads a file in byte ranges and classifies each line where it is read.
     *
     * @param rel  the file's provenance label
     * @param no   the line's 1-based number in its file
     * @param line the line as decoded from UTF-8 (malformed bytes replaced), without its {@code \n}; a {@code \r}
     *             before the {@code \n} is still there, as the file holds it
     * @throws IllegalArgumentException when the source reads its categories from a sidecar (lines of a data file
     *                                  and its sidecar are read in lockstep: use {@link #scanFile})
     */
    public SourceRecord classify(SourceSpec source, String rel, long no, String line) {
        if (source.categorySidecar() != null) {
            throw new IllegalArgumentException(
                    "source " + source.id() + " reads categories from a sidecar: scan its files whole");
        }
        if (line.length() > MAX_LINE_CHARS) {
            return tooLong(source, rel, no, line.substring(0, 200));
        }
        int n = line.length();
        return check(source, rel, no, n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line, null);
    }

    private static SourceRecord tooLong(SourceSpec source, String rel, long no, String prefix) {
        return reject(source, rel, no, prefix, "line_too_long", "line longer than " + MAX_LINE_CHARS + " characters");
    }

    private static Reader reader(Path f) throws IOException {
        return reader(Files.newInputStream(f));
    }

    private static Reader reader(java.io.InputStream in) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    /** The category from a sidecar line, or a "!reason" string when there is none. */
    private String sideCategory(SourceSpec s, Path side, String sideLine) {
        if (sideLine == null) {
            return "!" + relative(side)
                    + (Files.isRegularFile(side) ? " has fewer lines than the data file" : " is missing");
        }
        try {
            JsonNode c = MAPPER.readTree(sideLine);
            for (String part : s.categoryField().split("\\.")) {
                c = c == null ? null : c.get(part);
            }
            if (c == null || !c.isTextual() || c.asText().isBlank()) {
                return "!" + relative(side) + " line has no text field '" + s.categoryField() + "'";
            }
            return c.asText().strip();
        } catch (IOException e) {
            return "!" + relative(side) + " line is not JSON";
        }
    }

    private static SourceRecord reject(SourceSpec s, String file, long line, String raw, String reason, String detail) {
        return new SourceRecord(s.id(), file, line, raw, null, null, 0, reason, detail, null);
    }

    /**
     * {@code original} with its line replaced by {@code line} (a reviewer's edit), checked by the same rules as
     * every input line; file, line number, id and category stay the original's.
     */
    public SourceRecord recheck(SourceSpec s, SourceRecord original, String line) {
        return check(s, original.file(), original.line(), line, original.category());
    }

    SourceRecord check(SourceSpec s, String file, long no, String line) {
        return check(s, file, no, line, null);
    }

    /** @param sideCategory the category read from a sidecar ("!why" when it could not be), or null */
    SourceRecord check(SourceSpec s, String file, long no, String line, String sideCategory) {
        if (no == 1 && line.startsWith("\uFEFF")) {
            return reject(s, file, no, line, "bom", "file starts with a byte-order mark");
        }
        if (line.isBlank()) {
            return reject(s, file, no, line, "blank_line", "blank line");
        }
        if (line.indexOf('\uFFFD') >= 0) {
            return reject(s, file, no, line, "invalid_utf8", "bytes that are not UTF-8");
        }
        if (line.indexOf('\r') >= 0) {
            // checked on the line as read: the chat check below sees it re-serialised, without JSON whitespace
            return reject(
                    s,
                    file,
                    no,
                    line,
                    RejectReason.RAW_CARRIAGE_RETURN.code(),
                    RejectReason.RAW_CARRIAGE_RETURN.explanation());
        }
        JsonNode root;
        try (JsonParser p = MAPPER.createParser(line)) {
            root = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                return reject(s, file, no, line, "invalid_json", "more than one JSON value on the line");
            }
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("Duplicate field")) {
                return reject(s, file, no, line, "duplicate_key", "a key appears twice in one object");
            }
            return reject(s, file, no, line, "invalid_json", "not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return reject(s, file, no, line, "data_type", "line is not a JSON object");
        }
        // The chat rules are the foundation validator's. Source files may carry metadata columns (the category,
        // ids); only "messages" goes to the upload files, so the check sees the line without them.
        // Only the column the category is read from may sit beside "messages"; any other top-level key is the
        // foundation's extra_columns reject (an upload file with it would be refused by the platform too).
        JsonNode msgs = root.get("messages");
        String metaKey =
                sideCategory == null && s.category() == null ? s.categoryField().split("\\.")[0] : null;
        boolean extra = false;
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            extra |= !k.equals("messages") && !k.equals(metaKey);
        }
        String chatLine = msgs == null || extra ? root.toString() : "{\"messages\":" + msgs + "}";
        Optional<RejectReason> why = validator.check(chatLine);
        if (why.isPresent()) {
            return reject(s, file, no, line, why.get().code(), why.get().explanation());
        }
        String category = s.category();
        String chunk = null;
        if (sideCategory != null) {
            if (sideCategory.startsWith("!")) {
                return reject(s, file, no, line, "missing_category", sideCategory.substring(1));
            }
            category = sideCategory;
            if (!s.chunkCategory().isEmpty()) {
                // knowledge-base: the sidecar names the chunk; its category comes from the kb quota plan
                chunk = sideCategory;
                category = s.chunkCategory().get(sideCategory);
                if (category == null) {
                    return reject(
                            s,
                            file,
                            no,
                            line,
                            "unknown_chunk",
                            "chunk " + sideCategory + " is not in the knowledge base");
                }
            }
        } else if (category == null) {
            JsonNode c = root;
            for (String part : s.categoryField().split("\\.")) {
                c = c == null ? null : c.get(part);
            }
            if (c == null || !c.isTextual() || c.asText().isBlank()) {
                return reject(s, file, no, line, "missing_category", "no text field '" + s.categoryField() + "'");
            }
            category = c.asText().strip();
        }
        ChatExample ex = ChatJson.fromNode(root);
        int t = tokens.count(ex);
        if (t > project.tokenLimit()) {
            return reject(
                    s,
                    file,
                    no,
                    line,
                    RejectReason.OVER_TOKEN_LIMIT.code(),
                    t + " tokens > limit " + project.tokenLimit());
        }
        return new SourceRecord(s.id(), file, no, line, ex, category, t, null, null, chunk);
    }

    /** Line reader that never holds more than {@code max} characters of one line. */
    static final class LineReader {
        private final Reader in;
        private final int max;
        private final StringBuilder sb = new StringBuilder(256);
        private boolean tooLong;
        private boolean eof;

        LineReader(Reader in, int max) {
            this.in = in;
            this.max = max;
        }

        boolean tooLong() {
            return tooLong;
        }

        /** The next line without its terminator (\n or \r\n), a prefix of it when too long, or null at the end. */
        String next() throws IOException {
            if (eof) {
                return null;
            }
            sb.setLength(0);
            tooLong = false;
            int c;
            boolean any = false;
            while ((c = in.read()) != -1) {
                any = true;
                if (c == '\n') {
                    break;
                }
                if (sb.length() < max) {
                    sb.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c == -1) {
                eof = true;
                if (!any) {
                    return null;
                }
            }
            int n = sb.length();
            if (n > 0 && sb.charAt(n - 1) == '\r') {
                sb.setLength(n - 1);
            }
            return tooLong ? sb.substring(0, Math.min(200, sb.length())) : sb.toString();
        }
    }
}
