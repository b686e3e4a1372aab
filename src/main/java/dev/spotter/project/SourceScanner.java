package dev.spotter.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Streams the lines of a source's JSONL files and classifies each one: accepted (an example with its category
 * and token count) or rejected with a reason code. Memory stays constant: one line at a time, lines longer than
 * {@link #MAX_LINE_CHARS} are skipped to their newline without being held.
 *
 * <p>This is the assembly area's narrow checker. It applies the chat rules the build depends on (the union of
 * the cookbook and Together checks that matter for a merged dataset); the foundation's validating reader is the
 * full implementation of those rules, and replaces this one once it is on main.
 */
public final class SourceScanner {
    /** Longest line accepted (characters); a longer one is rejected as {@code line_too_long}. */
    public static final int MAX_LINE_CHARS = 8 * 1024 * 1024;
    private static final Pattern SPECIAL = Pattern.compile("<\\|[a-z_0-9]+\\|>");
    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content", "weight", "name");
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    private final Project project;
    private final TokenCounter tokens;

    public SourceScanner(Project project, TokenCounter tokens) {
        this.project = project;
        this.tokens = tokens;
    }

    /** The files a source's paths name (globs expanded, sorted); missing literal paths are listed too, flagged by absence. */
    public List<Path> files(SourceSpec source) {
        Path base = project.baseDir();
        List<Path> out = new ArrayList<>();
        for (String p : source.paths()) {
            if (p.contains("*") || p.contains("?") || p.contains("[")) {
                int cut = p.replace('\\', '/').lastIndexOf('/', firstGlob(p));
                Path dir = cut < 0 ? base : base.resolve(p.substring(0, cut));
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + base.resolve(p).normalize());
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.filter(Files::isRegularFile).map(Path::normalize).filter(m::matches).sorted().forEach(out::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
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
        String rel = relative(f);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (Reader r = new BufferedReader(new InputStreamReader(Files.newInputStream(f), decoder), 1 << 16)) {
            LineReader lines = new LineReader(r, MAX_LINE_CHARS);
            String line;
            long no = 0;
            while ((line = lines.next()) != null) {
                no++;
                if (lines.tooLong()) {
                    sink.accept(reject(source, rel, no, line, "line_too_long", "line longer than " + MAX_LINE_CHARS + " characters"));
                    continue;
                }
                sink.accept(check(source, rel, no, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(rel + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static SourceRecord reject(SourceSpec s, String file, long line, String raw, String reason, String detail) {
        return new SourceRecord(s.id(), file, line, raw, null, null, 0, reason, detail);
    }

    SourceRecord check(SourceSpec s, String file, long no, String line) {
        if (no == 1 && line.startsWith("\uFEFF")) {
            return reject(s, file, no, line, "bom", "file starts with a byte-order mark");
        }
        if (line.isBlank()) {
            return reject(s, file, no, line, "blank_line", "blank line");
        }
        if (line.indexOf('\uFFFD') >= 0) {
            return reject(s, file, no, line, "invalid_utf8", "bytes that are not UTF-8");
        }
        JsonNode root;
        try (JsonParser p = MAPPER.createParser(line)) {
            root = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                return reject(s, file, no, line, "not_json", "more than one JSON value on the line");
            }
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("Duplicate field")) {
                return reject(s, file, no, line, "duplicate_key", "a key appears twice in one object");
            }
            return reject(s, file, no, line, "not_json", "not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return reject(s, file, no, line, "not_object", "line is not a JSON object");
        }
        JsonNode msgs = root.get("messages");
        if (msgs == null) {
            return reject(s, file, no, line, "missing_messages", "no \"messages\" key");
        }
        if (!msgs.isArray() || msgs.isEmpty()) {
            return reject(s, file, no, line, "missing_messages", "\"messages\" is not a non-empty list");
        }
        List<ChatMessage> out = new ArrayList<>(msgs.size());
        Role prev = null;
        for (int i = 0; i < msgs.size(); i++) {
            JsonNode m = msgs.get(i);
            if (!m.isObject()) {
                return reject(s, file, no, line, "message_not_object", "messages[" + i + "] is not an object");
            }
            for (var it = m.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!MESSAGE_KEYS.contains(k)) {
                    return reject(s, file, no, line, "message_unrecognized_key", "messages[" + i + "] has key '" + k + "'");
                }
            }
            JsonNode role = m.get("role");
            JsonNode content = m.get("content");
            if (role == null || content == null || !role.isTextual() || !content.isTextual()) {
                return reject(s, file, no, line, "message_missing_key", "messages[" + i + "] lacks textual role and content");
            }
            Role r = Role.fromWire(role.asText()).orElse(null);
            if (r == null) {
                return reject(s, file, no, line, "unrecognized_role", "messages[" + i + "] role '" + role.asText() + "'");
            }
            if (content.asText().isBlank()) {
                return reject(s, file, no, line, "empty_content", "messages[" + i + "] content is empty");
            }
            if (SPECIAL.matcher(content.asText()).find()) {
                return reject(s, file, no, line, "special_token", "messages[" + i + "] contains a special-token string");
            }
            if (i == 0 && r == Role.ASSISTANT) {
                return reject(s, file, no, line, "first_not_system_or_user", "first message is from the assistant");
            }
            if (i > 0 && r == Role.SYSTEM) {
                return reject(s, file, no, line, "system_not_first", "messages[" + i + "] is a system message after the first");
            }
            if (r == prev) {
                return reject(s, file, no, line, "consecutive_same_role", "messages[" + (i - 1) + "] and [" + i + "] are both " + r.wireName());
            }
            JsonNode w = m.get("weight");
            Integer weight = null;
            if (w != null && !w.isNull()) {
                if (!w.isIntegralNumber() || (w.asInt() != 0 && w.asInt() != 1)) {
                    return reject(s, file, no, line, "invalid_weight", "messages[" + i + "] weight is not 0 or 1");
                }
                weight = w.asInt();
            }
            out.add(new ChatMessage(r, content.asText(), weight));
            prev = r;
        }
        if (out.stream().noneMatch(m -> m.role() == Role.ASSISTANT)) {
            return reject(s, file, no, line, "no_assistant_message", "no assistant message");
        }
        String category = s.category();
        if (category == null) {
            JsonNode c = root;
            for (String part : s.categoryField().split("\\.")) {
                c = c == null ? null : c.get(part);
            }
            if (c == null || !c.isTextual() || c.asText().isBlank()) {
                return reject(s, file, no, line, "missing_category", "no text field '" + s.categoryField() + "'");
            }
            category = c.asText().strip();
        }
        ChatExample ex = new ChatExample(out);
        int t = tokens.count(ex);
        if (t > project.tokenLimit()) {
            return reject(s, file, no, line, "over_token_limit", t + " tokens > limit " + project.tokenLimit());
        }
        return new SourceRecord(s.id(), file, no, line, ex, category, t, null, null);
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
