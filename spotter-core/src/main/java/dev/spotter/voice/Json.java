package dev.spotter.voice;

/** Minimal JSON writing for the contract objects (hot path: no object mapper, no reflection). */
final class Json {
    private Json() {}

    static void str(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Whole numbers without a fraction ("225", not "225.0"); others in shortest form ("102.5", "21.0975"). */
    static void num(StringBuilder sb, Double v) {
        if (v == null) {
            sb.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append(v.longValue());
        } else {
            sb.append(v.doubleValue());
        }
    }
}
