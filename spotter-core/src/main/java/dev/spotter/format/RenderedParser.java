package dev.spotter.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads text rendered by {@link Llama33Template} back into messages: the inverse used by round-trip checks of
 * {@code llama3-text} and {@code prompt-completion} output. Strict: anything the template could not have produced
 * is an {@link IllegalArgumentException} naming the offset. Content comes back trimmed (as it was rendered); an
 * empty system body means "no system message".
 */
final class RenderedParser {
    private static final Pattern PREAMBLE = Pattern.compile(
            "\\Q<|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: \\E"
                    + "(\\d{2} [A-Z][a-z]{2} \\d{4})\n\n");

    private RenderedParser() {}

    /** A parsed rendering: the messages, the "Today Date" and whether it started with BOS. */
    public record Parsed(ChatExample example, String date, boolean hadBos) {}

    public static Parsed parse(String text) {
        int pos = 0;
        boolean bos = text.startsWith(Llama33Template.BOS);
        if (bos) {
            pos = Llama33Template.BOS.length();
        }
        Matcher m = PREAMBLE.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("offset " + pos + ": expected the Llama 3.3 system header with dates");
        }
        String date = m.group(1);
        pos = m.end();
        List<ChatMessage> msgs = new ArrayList<>();
        int eot = text.indexOf(Llama33Template.EOT, pos);
        if (eot < 0) {
            throw new IllegalArgumentException("offset " + pos + ": system turn has no <|eot_id|>");
        }
        String system = text.substring(pos, eot);
        if (!system.isEmpty()) {
            msgs.add(ChatMessage.system(system));
        }
        pos = eot + Llama33Template.EOT.length();
        while (pos < text.length()) {
            if (!text.startsWith(Llama33Template.START_HEADER, pos)) {
                throw new IllegalArgumentException("offset " + pos + ": expected <|start_header_id|>");
            }
            int roleStart = pos + Llama33Template.START_HEADER.length();
            int roleEnd = text.indexOf(Llama33Template.END_HEADER, roleStart);
            if (roleEnd < 0) {
                throw new IllegalArgumentException("offset " + roleStart + ": header has no <|end_header_id|>");
            }
            String roleName = text.substring(roleStart, roleEnd);
            Role role = Role.fromWire(roleName)
                    .filter(r -> r != Role.SYSTEM)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "offset " + roleStart + ": unexpected role \"" + roleName + "\""));
            int body = roleEnd + Llama33Template.END_HEADER.length();
            if (!text.startsWith("\n\n", body)) {
                throw new IllegalArgumentException("offset " + body + ": header not followed by a blank line");
            }
            body += 2;
            int end = text.indexOf(Llama33Template.EOT, body);
            if (end < 0) {
                throw new IllegalArgumentException("offset " + body + ": " + roleName + " turn has no <|eot_id|>");
            }
            msgs.add(ChatMessage.of(role, text.substring(body, end)));
            pos = end + Llama33Template.EOT.length();
        }
        return new Parsed(new ChatExample(msgs), date, bos);
    }

    /** The example as the template sees it: contents trimmed, weights dropped. For round-trip comparisons. */
    public static ChatExample normalized(ChatExample e) {
        List<ChatMessage> out = new ArrayList<>(e.messages().size());
        for (ChatMessage m : e.messages()) {
            out.add(ChatMessage.of(m.role(), Llama33Template.pyStrip(m.content())));
        }
        return new ChatExample(out);
    }
}
