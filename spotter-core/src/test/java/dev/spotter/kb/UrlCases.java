package dev.spotter.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection strings of the independent fixture {@code supabase/urls.md} (a verbatim copy of the authoring
 * set), read from its tables so that every case in the file is tested and none is retyped.
 */
public final class UrlCases {
    /** The marker password of role kb_reader. */
    public static final String MARKER = "S3cr3t-MARKER-p@ss:w/rd#?&%+= x";

    /** What must never appear in any output: the marker, its fragments, its encoded form, the simple passwords. */
    public static final List<String> FRAGMENTS =
            List.of("MARKER", "S3cr3t", "p@ss", "w/rd", "%40ss", "_pw", "Simple123");

    /**
     * One row: {@code input} with {@code \n \r \t} unescaped and the placeholders filled, and the
     * {@code PGPASSWORD} the row sets (or null).
     */
    public record Case(String id, String input, String pgPassword, String expected) {}

    private static final Pattern ROW = Pattern.compile("^\\| ([LS]\\d\\d) \\| (.*?) \\| (.*) \\|$");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    private UrlCases() {}

    public static List<Case> all(String host, int port, String db) throws IOException {
        String md;
        try (InputStream in = UrlCases.class.getResourceAsStream("/dev/spotter/kb/supabase/urls.md")) {
            md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> out = new ArrayList<>();
        for (String line : md.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Matcher c = CODE.matcher(m.group(2));
            if (!c.find()) {
                throw new IllegalStateException("no input in " + line);
            }
            String input = unescape(c.group(1));
            String env = null;
            if (c.find() && c.group(1).startsWith("PGPASSWORD=")) {
                env = c.group(1).substring("PGPASSWORD=".length());
                env = env.equals("M") ? MARKER : env;
            }
            input = input.replace("{HOST}", host)
                    .replace("{PORT}", Integer.toString(port))
                    .replace("{DB}", db);
            out.add(new Case(m.group(1), input, env, m.group(3)));
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    }
}
