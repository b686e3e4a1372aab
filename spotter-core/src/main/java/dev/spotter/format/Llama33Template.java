package dev.spotter.format;

import dev.spotter.ConfigurationException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a conversation with the Llama 3.3 Instruct chat template exactly as Hugging Face's
 * {@code apply_chat_template} does (template text in docs/areas/foundation.md and llama33-format.md):
 *
 * <pre>
 * [&lt;|begin_of_text|&gt;]&lt;|start_header_id|&gt;system&lt;|end_header_id|&gt;\n\n
 * Cutting Knowledge Date: December 2023\nToday Date: {date}\n\n{system|trim}&lt;|eot_id|&gt;
 * then per message: &lt;|start_header_id|&gt;{role}&lt;|end_header_id|&gt;\n\n{content|trim}&lt;|eot_id|&gt;
 * </pre>
 *
 * The system header is always emitted (empty body when there is no system message). Content is trimmed like
 * Jinja's {@code trim} filter, which is Python's {@code str.strip()}: see {@link #pyStrip(String)}.
 * Instances are immutable and thread-safe.
 */
public final class Llama33Template {
    public static final String BOS = "<|begin_of_text|>";
    public static final String START_HEADER = "<|start_header_id|>";
    public static final String END_HEADER = "<|end_header_id|>";
    public static final String EOT = "<|eot_id|>";
    /** The template's default "Today Date" (Hugging Face's {@code date_string} default). */
    public static final String DEFAULT_DATE = "26 Jul 2024";

    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("dd MMM uuuu", Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);

    private final String date;
    private final boolean includeBos;
    private final String systemPreamble;

    private Llama33Template(String date, boolean includeBos) {
        this.date = date;
        this.includeBos = includeBos;
        this.systemPreamble = START_HEADER + "system" + END_HEADER + "\n\n"
                + "Cutting Knowledge Date: December 2023\nToday Date: " + date + "\n\n";
    }

    /** The default: date 26 Jul 2024, BOS included (as {@code apply_chat_template} renders). */
    public static Llama33Template defaults() {
        return new Llama33Template(DEFAULT_DATE, true);
    }

    /**
     * @param date       "Today Date" in the template's {@code %d %b %Y} form, e.g. {@code 26 Jul 2024}
     * @param includeBos whether the text starts with {@code <|begin_of_text|>}; exclude it when the trainer adds
     *                   BOS itself, or the example gets two
     */
    public static Llama33Template of(String date, boolean includeBos) {
        return new Llama33Template(checkDate(date), includeBos);
    }

    /** Today's date rendered for the template, e.g. for {@code --date today}. */
    public static String format(LocalDate date) {
        return DATE_FORMAT.format(date);
    }

    private static String checkDate(String date) {
        Objects.requireNonNull(date, "date");
        try {
            LocalDate parsed = LocalDate.parse(date, DATE_FORMAT);
            // Round-trip so "26 jul 2024" or "6 Jul 2024" are refused: the template writes %d (two digits) and %b.
            if (!DATE_FORMAT.format(parsed).equals(date)) {
                throw new DateTimeParseException("not canonical", date, 0);
            }
        } catch (DateTimeParseException e) {
            throw ConfigurationException.forParameter(
                    "date",
                    "must look like \"26 Jul 2024\" (two-digit day, English month abbreviation), was \"" + date + "\"");
        }
        return date;
    }

    public String date() {
        return date;
    }

    public boolean includesBos() {
        return includeBos;
    }

    /** The whole conversation, every turn closed with {@code <|eot_id|>}. */
    public String render(ChatExample example) {
        StringBuilder sb = start(example.messages());
        for (ChatMessage m : body(example.messages())) {
            appendTurn(sb, m);
        }
        return sb.toString();
    }

    /**
     * The prompt half of a prompt/completion pair: every message before the last assistant message, then the
     * assistant header ({@code <|start_header_id|>assistant<|end_header_id|>\n\n}, the generation prompt).
     *
     * @throws IllegalArgumentException when the example has no assistant message
     */
    public String renderPrompt(ChatExample example) {
        List<ChatMessage> msgs = example.messages();
        int last = lastAssistant(msgs);
        StringBuilder sb = start(msgs);
        for (ChatMessage m : body(msgs.subList(0, last))) {
            appendTurn(sb, m);
        }
        sb.append(START_HEADER).append("assistant").append(END_HEADER).append("\n\n");
        return sb.toString();
    }

    /** The completion half: the last assistant message, trimmed, followed by {@code <|eot_id|>}. */
    public String renderCompletion(ChatExample example) {
        List<ChatMessage> msgs = example.messages();
        return pyStrip(msgs.get(lastAssistant(msgs)).content()) + EOT;
    }

    /**
     * Tokens of {@link #render(ChatExample)} without building the string, equal to
     * {@code counter.countRendered(render(example))} for content free of special-token strings (the validator
     * rejects any other): a tokenizer encodes the text between two special tokens independently, so the count is
     * the special tokens plus the ordinary count of each segment (role names, and {@code "\n\n" + content}).
     */
    public int countTokens(ChatExample example, TokenCounter counter) {
        return countTokens(example, counter, null);
    }

    /**
     * As {@link #countTokens(ChatExample, TokenCounter)}; {@code systemCache} (may be null) memoises the count of the
     * system segment by system content. Why: datasets repeat one long system prompt on every line, and its
     * segment is often a third of an example's tokens.
     */
    int countTokens(ChatExample example, TokenCounter counter, Map<String, Integer> systemCache) {
        List<ChatMessage> msgs = example.messages();
        String system = !msgs.isEmpty() && msgs.get(0).role() == Role.SYSTEM
                ? msgs.get(0).content()
                : "";
        Integer sys = systemCache == null ? null : systemCache.get(system);
        if (sys == null) {
            sys = counter.count(systemPreamble.substring(systemPreamble.indexOf(END_HEADER) + END_HEADER.length())
                    + pyStrip(system));
            if (systemCache != null) {
                systemCache.put(system, sys);
            }
        }
        // BOS? + <|start_header_id|> system <|end_header_id|> segment <|eot_id|>
        int n = (includeBos ? 1 : 0) + 3 + counter.count("system") + sys;
        for (ChatMessage m : body(msgs)) {
            n += 3 + roleTokens(m.role(), counter) + counter.count("\n\n" + pyStrip(m.content()));
        }
        return n;
    }

    private static int roleTokens(Role r, TokenCounter counter) {
        return counter.count(r.wireName());
    }

    private static int lastAssistant(List<ChatMessage> msgs) {
        for (int i = msgs.size() - 1; i >= 0; i--) {
            if (msgs.get(i).role() == Role.ASSISTANT) {
                return i;
            }
        }
        throw new IllegalArgumentException("example has no assistant message");
    }

    private StringBuilder start(List<ChatMessage> msgs) {
        StringBuilder sb = new StringBuilder(256);
        if (includeBos) {
            sb.append(BOS);
        }
        sb.append(systemPreamble);
        if (!msgs.isEmpty() && msgs.get(0).role() == Role.SYSTEM) {
            sb.append(pyStrip(msgs.get(0).content()));
        }
        return sb.append(EOT);
    }

    /** The messages after the (optional) leading system message, which the preamble already rendered. */
    private static List<ChatMessage> body(List<ChatMessage> msgs) {
        return !msgs.isEmpty() && msgs.get(0).role() == Role.SYSTEM ? msgs.subList(1, msgs.size()) : msgs;
    }

    private static void appendTurn(StringBuilder sb, ChatMessage m) {
        sb.append(START_HEADER)
                .append(m.role().wireName())
                .append(END_HEADER)
                .append("\n\n")
                .append(pyStrip(m.content()))
                .append(EOT);
    }

    /**
     * Python's {@code str.strip()} with no argument, which Jinja's {@code trim} calls: strips characters for which
     * {@code str.isspace()} is true — Unicode category Zs and bidi classes WS, B, S. That includes U+00A0, U+2007,
     * U+202F (which Java's {@link Character#isWhitespace}, and so {@link String#strip()}, leaves in place), U+0085 and
     * U+001C–U+001F, but not U+200B or U+FEFF.
     */
    public static String pyStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPySpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPySpace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** Python 3 {@code str.isspace()} for one BMP char (all such characters are in the BMP). */
    static boolean isPySpace(char c) {
        return switch (c) {
            case '\t',
                    '\n',
                    '\u000B',
                    '\f',
                    '\r',
                    '\u001C',
                    '\u001D',
                    '\u001E',
                    '\u001F',
                    ' ',
                    '\u0085',
                    '\u00A0',
                    '\u1680',
                    '\u2028',
                    '\u2029',
                    '\u202F',
                    '\u205F',
                    '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
