package dev.spotter.kernel;

import org.jspecify.annotations.Nullable;

/** HTML escaping for text placed in element content or in a quoted attribute value (either quote). */
public final class Html {
    private Html() {}

    /** Escapes {@code & < > " '}; {@code null} becomes the empty string. */
    public static String escape(@Nullable String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
