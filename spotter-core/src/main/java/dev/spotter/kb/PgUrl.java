package dev.spotter.kb;

import dev.spotter.DataSourceException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection string taken apart <em>before</em> any driver sees it, so that neither a message of ours
 * nor one of pgjdbc's (its exceptions and its java.util.logging warnings echo the URL it was given) can hold the
 * password.
 *
 * <p>Two forms are accepted: the libpq URI that Supabase's "Connect" dialog shows ({@code postgresql://} or
 * {@code postgres://}) and pgjdbc's URL ({@code jdbc:postgresql://}). Both go through {@link URI} (RFC 3986/2396
 * syntax) and then through checks of our own; the driver then gets a rebuilt URL that holds only hosts, ports and
 * the database, and everything else (user, password, parameters) as connection properties.
 *
 * <p>Decoding, as each reference client does it: in the libpq form every part is percent-decoded and {@code +} is a
 * literal plus (libpq); in the pgjdbc form, query values are form-decoded ({@code +} is a space, as pgjdbc's own
 * parser does), and a {@code user:password@} part, which pgjdbc does not accept, is percent-decoded and moved into
 * the properties. A pasted string is trimmed, one pair of surrounding quotes is removed, and a leading
 * {@code NAME=} (a whole {@code .env} line) is dropped.
 *
 * <p>Refused without trying to connect, with a message that never repeats the input: a {@code %} that does not
 * start a {@code %XX} escape; characters a URL cannot hold unencoded (space, {@code #}, a second {@code ?} …); more
 * than one {@code @}, or a {@code /} or {@code :} that moves the host (a raw password holding them); a parameter
 * without {@code =}; a password given twice; the dashboard's {@code [YOUR-PASSWORD]} placeholder; the project's
 * REST URL ({@code https://…supabase.co}); Unix-domain sockets. The remedy named is always the same: percent-encode
 * the password or use {@code PGPASSWORD}.
 */
final class PgUrl {
    /** Which reference client's rules apply. */
    enum Form {
        /** {@code postgresql://}: libpq's rules. */
        URI,
        /** {@code jdbc:postgresql://}: pgjdbc's rules. */
        JDBC
    }

    /** One server. {@code host} keeps the brackets of an IPv6 literal ({@code [::1]}). */
    record Host(String host, int port) {
        String text() {
            return host + ":" + port;
        }
    }

    static final String REMEDY = "percent-encode the password (@ as %40, : as %3A, / as %2F, # as %23, ? as %3F,"
            + " & as %26, % as %25, + as %2B, = as %3D, a space as %20) or use PGPASSWORD";

    private static final Pattern ENV_LINE = Pattern.compile("(?:export\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*(.*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\[your[-_ ]password]|<your[-_ ]password>");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?]");
    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    /** libpq parameter names and the pgjdbc property each becomes. */
    private static final Map<String, String> LIBPQ = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "fallback_application_name", "ApplicationName");
    /** Parameters of other tools (Prisma) that mean nothing to PostgreSQL: dropped. */
    private static final Set<String> DROPPED =
            Set.of("connection_limit", "pool_timeout", "socket_timeout", "statement_cache_size", "pgbouncer");

    final Form form;
    final List<Host> hosts;
    final String database;
    final String user;
    final String password;
    final Map<String, String> properties;
    /** {@code ?pgbouncer=true}: the user says a transaction pooler is in front. */
    final boolean poolerFlag;
    /** The userinfo held a literal {@code +} (libpq keeps it; people often mean a space). */
    final boolean plusInUserInfo;

    private PgUrl(
            Form form,
            List<Host> hosts,
            String database,
            String user,
            String password,
            Map<String, String> properties,
            boolean poolerFlag,
            boolean plusInUserInfo) {
        this.form = form;
        this.hosts = List.copyOf(hosts);
        this.database = database;
        this.user = user;
        this.password = password;
        this.properties = properties;
        this.poolerFlag = poolerFlag;
        this.plusInUserInfo = plusInUserInfo;
    }

    /** The URL pgjdbc gets: hosts, ports and the database only. */
    String jdbcUrl() {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://");
        for (int i = 0; i < hosts.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(hosts.get(i).text());
        }
        return sb.append('/').append(encodeDatabase(database)).toString();
    }

    /** True for Supabase hosts ({@code *.supabase.co}, {@code *.supabase.com}). */
    boolean supabase() {
        return hosts.stream().anyMatch(h -> {
            String l = h.host().toLowerCase(Locale.ROOT);
            return l.endsWith(".supabase.co") || l.endsWith(".supabase.com");
        });
    }

    /** True for Supabase's pooler (Supavisor) hosts. */
    boolean supabasePooler() {
        return hosts.stream().anyMatch(h -> h.host().toLowerCase(Locale.ROOT).endsWith(".pooler.supabase.com"));
    }

    /** Trims what people paste around a URL: blanks and line ends, one pair of quotes, a {@code NAME=} prefix. */
    static String clean(String raw) {
        String s = unquote(raw.strip());
        Matcher m = ENV_LINE.matcher(s);
        if (m.matches()) {
            String rest = unquote(m.group(1).strip());
            if (rest.contains("://")) {
                s = rest;
            }
        }
        return s;
    }

    private static String unquote(String s) {
        if (s.length() >= 2) {
            char a = s.charAt(0);
            char b = s.charAt(s.length() - 1);
            if ((a == '"' || a == '\'') && a == b) {
                return s.substring(1, s.length() - 1).strip();
            }
        }
        return s;
    }

    /** Parses a cleaned {@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql://} string. */
    static PgUrl parse(String cleaned) {
        String lower = cleaned.toLowerCase(Locale.ROOT);
        Form form;
        String text;
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            form = Form.URI;
            text = cleaned;
        } else if (lower.startsWith("jdbc:postgresql://")) {
            form = Form.JDBC;
            text = cleaned.substring("jdbc:".length());
        } else {
            throw new IllegalArgumentException("not a PostgreSQL URL");
        }
        if (PLACEHOLDER.matcher(cleaned).find()) {
            throw new DataSourceException("the database URL still holds the dashboard's [YOUR-PASSWORD] placeholder:"
                    + " replace it with your database password (Supabase: Project Settings > Database; it is not an"
                    + " API key), percent-encoded, or leave it out and set PGPASSWORD");
        }
        checkPercentEscapes(text);
        URI u;
        try {
            u = new URI(text);
        } catch (URISyntaxException e) {
            throw ambiguous("it holds characters a URL cannot carry unencoded (a space, #, a second ?, [ ] …)");
        }
        if (u.getRawFragment() != null) {
            throw ambiguous("a # ends the URL early");
        }
        String auth = u.getRawAuthority();
        Map<String, String> query = query(u.getRawQuery(), form);
        if (auth == null || auth.isEmpty()) {
            String h = query.get("host");
            if (h != null && h.startsWith("/")) {
                throw new DataSourceException("Unix-domain sockets (host=/dir) are not supported: use a TCP URL,"
                        + " postgresql://user@host:port/db");
            }
            throw new DataSourceException("the database URL names no host: expected postgresql://user@host:port/db");
        }
        int at = auth.lastIndexOf('@');
        if (auth.indexOf('@') != at) {
            throw ambiguous("it has more than one @ before the host");
        }
        String userInfo = at < 0 ? null : auth.substring(0, at);
        List<Host> hosts = hosts(auth.substring(at + 1), userInfo != null);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (path.indexOf('/', 1) >= 0 || path.contains("@") || path.contains(":")) {
            throw ambiguous("a / or @ in the password moved the host");
        }
        String database = path.length() <= 1 ? null : decode(path.substring(1), false);
        String user = null;
        String password = null;
        boolean plus = false;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), false);
            if (colon >= 0) {
                String raw = userInfo.substring(colon + 1);
                plus = raw.indexOf('+') >= 0;
                password = decode(raw, false);
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        boolean pooler = false;
        for (Map.Entry<String, String> e : query.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            switch (k) {
                case "password" -> {
                    if (password != null) {
                        throw ambiguous("the password is given twice (before the host and as ?password=)");
                    }
                    password = v;
                }
                case "user" -> {
                    if (user != null && !user.isEmpty() && !user.equals(v)) {
                        throw new DataSourceException(
                                "the database URL names two users (before the host and as ?user=): keep one");
                    }
                    user = v;
                }
                case "dbname" -> database = v;
                case "host" -> {
                    if (v.startsWith("/")) {
                        throw new DataSourceException("Unix-domain sockets (host=/dir) are not supported: use a TCP"
                                + " URL, postgresql://user@host:port/db");
                    }
                    hosts = hosts(v, false);
                }
                case "port" -> {
                    int p = port(v);
                    hosts = hosts.stream().map(h -> new Host(h.host(), p)).toList();
                }
                case "pgbouncer" -> pooler = bool(k, v);
                case "schema" -> props.put("currentSchema", v);
                case "sslmode" -> {
                    if (!SSL_MODES.contains(v)) {
                        throw new DataSourceException(
                                "sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full");
                    }
                    props.put(k, v);
                }
                default -> {
                    if (!DROPPED.contains(k)) {
                        props.put(LIBPQ.getOrDefault(k, k), v);
                    }
                }
            }
        }
        if (user != null && user.isEmpty()) {
            user = null;
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
        if (database == null) {
            database = user == null ? "postgres" : user; // libpq: the database defaults to the user name
        }
        return new PgUrl(form, hosts, database, user, password, props, pooler, plus);
    }

    private static boolean bool(String key, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new DataSourceException(key + " must be true or false");
        };
    }

    private static List<Host> hosts(String text, boolean afterUserInfo) {
        List<Host> out = new ArrayList<>();
        if (text.isEmpty()) {
            throw new DataSourceException("the database URL names no host: expected postgresql://user@host:port/db");
        }
        for (String part : text.split(",", -1)) {
            String host;
            String portText = null;
            if (part.startsWith("[")) {
                int close = part.indexOf(']');
                host = close < 0 ? part : part.substring(0, close + 1);
                String rest = close < 0 ? "" : part.substring(close + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) {
                        throw badHost(afterUserInfo);
                    }
                    portText = rest.substring(1);
                }
                if (!IPV6.matcher(host).matches()) {
                    throw badHost(afterUserInfo);
                }
            } else {
                int colon = part.indexOf(':');
                host = colon < 0 ? part : part.substring(0, colon);
                portText = colon < 0 ? null : part.substring(colon + 1);
                if (!HOST_NAME.matcher(host).matches()) {
                    throw badHost(afterUserInfo);
                }
            }
            int port;
            try {
                port = portText == null || portText.isEmpty() ? 5432 : port(portText);
            } catch (DataSourceException e) {
                throw badHost(afterUserInfo);
            }
            out.add(new Host(host, port));
        }
        return out;
    }

    private static DataSourceException badHost(boolean afterUserInfo) {
        return afterUserInfo
                ? ambiguous("the host and port after the @ do not parse")
                : ambiguous("the host and port do not parse (a : / or ? in the password cuts the URL short)");
    }

    private static int port(String s) {
        if (!s.matches("[0-9]{1,5}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 65535) {
            throw new DataSourceException("the port must be a number from 1 to 65535");
        }
        return Integer.parseInt(s);
    }

    private static Map<String, String> query(String raw, Form form) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw ambiguous("a query parameter has no name=value form (an & or ? in the password splits it)");
            }
            String key = decode(pair.substring(0, eq), false);
            String value = decode(pair.substring(eq + 1), form == Form.JDBC);
            if (out.put(key, value) != null) {
                throw ambiguous("the parameter "
                        + (key.toLowerCase(Locale.ROOT).contains("password") ? "password" : key) + " is given twice");
            }
        }
        return out;
    }

    private static void checkPercentEscapes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%' && (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2)))) {
                throw ambiguous("a % does not start a %XX escape");
            }
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Strict percent-decoding to UTF-8; {@code +} becomes a space only when {@code plusIsSpace} (form encoding). */
    static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ambiguous("its %XX escapes are not UTF-8");
        }
    }

    /** The database name as pgjdbc reads it back (it URL-decodes the path). */
    private static String encodeDatabase(String db) {
        StringBuilder sb = new StringBuilder();
        for (byte b : db.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || c == '.') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    static DataSourceException ambiguous(String why) {
        return new DataSourceException("the database URL is ambiguous: " + why + "; " + REMEDY);
    }
}
