package dev.spotter.checks;

import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic checks on free-text answers and conversation shape, shared by every category:
 * refusals and AI boilerplate, leaked template placeholders, Llama special-token strings (they would silently
 * become control tokens in training, see llama33-format.md), length bounds, and user/assistant alternation.
 */
public final class TextChecks {
    private static final Pattern SPECIAL_TOKEN = Pattern.compile("<\\|[a-z_0-9]+\\|>");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    private static final List<String> REFUSALS = List.of(
            "as an ai language model",
            "as an ai model",
            "i'm sorry, but i can't",
            "i am sorry, but i cannot",
            "i can't help with that",
            "i cannot help with that",
            "i'm unable to provide",
            "i cannot provide medical advice",
            "i'm not able to help",
            "i can't assist with");

    private TextChecks() {}

    /** Checks one assistant text answer: length in [minChars, maxChars], no refusal/boilerplate, no leaks. */
    public static CheckResult answerText(String text, int minChars, int maxChars) {
        CheckResult.Builder b = new CheckResult.Builder();
        String t = text.strip();
        if (t.length() < minChars) {
            b.add("too_short", "answer has " + t.length() + " characters, minimum " + minChars);
        }
        if (t.length() > maxChars) {
            b.add("too_long", "answer has " + t.length() + " characters, maximum " + maxChars);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        for (String r : REFUSALS) {
            if (lower.contains(r)) {
                b.add("refusal", "answer contains refusal/boilerplate \"" + r + "\"");
                break;
            }
        }
        return b.build().and(noLeaks(t));
    }

    /** No special-token strings and no unreplaced {{placeholders}} in any text. */
    public static CheckResult noLeaks(String text) {
        CheckResult.Builder b = new CheckResult.Builder();
        var m = SPECIAL_TOKEN.matcher(text);
        if (m.find()) {
            b.add("special_token", "text contains the special-token string " + m.group());
        }
        var p = PLACEHOLDER.matcher(text);
        if (p.find()) {
            b.add("template_leak", "text contains an unfilled placeholder " + p.group());
        }
        return b.build();
    }

    /**
     * Conversation without the system message: starts with user, alternates, ends with assistant, and has between
     * {@code minUserTurns} and {@code maxUserTurns} user messages.
     */
    public static CheckResult conversation(List<ChatMessage> turns, int minUserTurns, int maxUserTurns) {
        CheckResult.Builder b = new CheckResult.Builder();
        if (turns.isEmpty()) {
            return CheckResult.of("shape", "conversation is empty");
        }
        Role expected = Role.USER;
        int users = 0;
        for (int i = 0; i < turns.size(); i++) {
            ChatMessage m = turns.get(i);
            if (m.role() != expected) {
                b.add("shape", "message " + i + " is " + m.role().wireName() + ", expected " + expected.wireName());
                break;
            }
            if (m.content().isBlank()) {
                b.add("shape", "message " + i + " is empty");
            }
            if (m.role() == Role.USER) {
                users++;
            }
            expected = expected == Role.USER ? Role.ASSISTANT : Role.USER;
        }
        if (turns.getLast().role() != Role.ASSISTANT) {
            b.add("shape", "conversation does not end with an assistant message");
        }
        if (users < minUserTurns || users > maxUserTurns) {
            b.add(
                    "turns",
                    "conversation has " + users + " user turns, expected " + minUserTurns
                            + (minUserTurns == maxUserTurns ? "" : "-" + maxUserTurns));
        }
        for (ChatMessage m : turns) {
            if (m.role() == Role.USER) {
                CheckResult leaks = noLeaks(m.content());
                if (!leaks.ok()) {
                    return b.build().and(leaks);
                }
            }
        }
        return b.build();
    }
}
