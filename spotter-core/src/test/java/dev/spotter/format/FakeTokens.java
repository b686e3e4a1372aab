package dev.spotter.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic stand-in for the Llama 3 tokenizer in unit tests: one token per special-token string, plus one per
 * started group of 4 chars of each ordinary-text segment between them. Not a tokenizer; only the relations tests rely on hold (monotone in
 * length, specials count as one in rendered text).
 */
public final class FakeTokens implements TokenCounter {
    public static final FakeTokens INSTANCE = new FakeTokens();
    private static final Pattern SPECIAL = Pattern.compile("<\\|[a-z_0-9]+\\|>");

    @Override
    public int count(String text) {
        return (text.length() + 3) / 4;
    }

    /** Like a real tokenizer: specials count one each, the text between them is counted segment by segment. */
    @Override
    public int countRendered(String rendered) {
        Matcher m = SPECIAL.matcher(rendered);
        int n = 0;
        int pos = 0;
        while (m.find()) {
            n += 1 + count(rendered.substring(pos, m.start()));
            pos = m.end();
        }
        return n + count(rendered.substring(pos));
    }
}
