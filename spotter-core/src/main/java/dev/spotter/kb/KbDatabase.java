package dev.spotter.kb;

import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where a knowledge base lives: a PostgreSQL (Supabase) or SQLite database, built from one URL.
 *
 * <p>Accepted URLs:
 * <ul>
 *   <li>{@code postgresql://user:pass@host:port/db?sslmode=require} or {@code postgres://…} — the URI that
 *       Supabase's "Connect" dialog shows; converted to a JDBC URL with user and password moved into connection
 *       properties (percent-decoded).</li>
 *   <li>{@code jdbc:postgresql://host:port/db?user=…&password=…} — used as is, except that a {@code password}
 *       parameter is moved out of the URL so it is never shown.</li>
 *   <li>{@code jdbc:sqlite:/path/file.db} — the embedded form (the bundled sample uses it).</li>
 * </ul>
 * When the URL carries no password, {@code PGPASSWORD} is used; when it names no user, {@code PGUSER}.
 * For Supabase's pooler (host {@code *.pooler.supabase.com} or port 6543, i.e. Supavisor in transaction mode,
 * which cannot keep server-side prepared statements) {@code prepareThreshold=0} is added unless the URL sets it.
 *
 * <p>The password is held only in memory; {@link #toString()} and every message built here show the URL with the
 * password replaced by {@code ***} ({@link #redact(String)}).
 */
public final class KbDatabase {
    /** The two SQL dialects the readers and the importer speak. */
    public enum Dialect {
        POSTGRES,
        SQLITE
    }

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&]*");
    private static final int LOGIN_TIMEOUT_SECONDS = 15;

    private final Dialect dialect;
    private final String jdbcUrl;
    private final Properties properties;
    private final String password;
    private final String display;

    private KbDatabase(Dialect dialect, String jdbcUrl, Properties properties, String password) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.password = password;
        String user = properties.getProperty("user");
        this.display = redactPasswordParam(jdbcUrl) + (user == null ? "" : " (user " + user + ")");
    }

    /** Parses {@code url}, reading {@code PGPASSWORD}/{@code PGUSER} from {@code env} when the URL lacks them. */
    public static KbDatabase fromUrl(String url, Environment environment) {
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : new String[] {"PGPASSWORD", "PGUSER"}) {
            environment.get(name).ifPresent(v -> env.put(name, v));
        }
        Objects.requireNonNull(env, "env");
        if (url == null || url.isBlank()) {
            throw new DataSourceException(
                    "no database URL given (use --db-url or the SPOTTER_KB_URL environment variable)");
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return new KbDatabase(Dialect.SQLITE, u, new Properties(), null);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            Properties p = new Properties();
            String pw = null;
            var m = PASSWORD_PARAM.matcher(u);
            if (m.find()) {
                pw = decode(u.substring(m.end(1), m.end()));
                u = removeParam(u, m.start(), m.end());
            }
            pw = pw != null ? pw : env.get("PGPASSWORD");
            if (!u.toLowerCase(Locale.ROOT).contains("user=") && env.get("PGUSER") != null) {
                p.setProperty("user", env.get("PGUSER"));
            }
            return postgres(u, p, pw, hostPort(u.substring("jdbc:postgresql:".length())));
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return fromUri(u, env);
        }
        throw new DataSourceException("unsupported database URL " + redactUri(u)
                + ": expected postgresql://…, postgres://…, jdbc:postgresql://… or jdbc:sqlite:…");
    }

    /** The bundled SQLite form for a file path. */
    public static KbDatabase sqlite(java.nio.file.Path file) {
        return new KbDatabase(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), new Properties(), null);
    }

    private static KbDatabase fromUri(String u, Map<String, String> env) {
        String rest = u.substring(u.indexOf("://") + 3);
        int slash = indexOfAny(rest, '/', '?');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "/" : rest.substring(slash);
        if (!tail.startsWith("/")) {
            tail = "/" + tail;
        }
        // The password may contain '@' when not percent-encoded: the host starts after the LAST '@'.
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        if (hostPort.isEmpty()) {
            throw new DataSourceException("database URL " + redactUri(u) + " names no host");
        }
        Properties p = new Properties();
        String pw = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (!user.isEmpty()) {
                p.setProperty("user", user);
            }
            if (colon >= 0) {
                pw = decode(userInfo.substring(colon + 1));
            }
        }
        if (!p.containsKey("user") && env.get("PGUSER") != null) {
            p.setProperty("user", env.get("PGUSER"));
        }
        if (pw == null) {
            pw = env.get("PGPASSWORD");
        }
        String jdbc = "jdbc:postgresql://" + hostPort + tail;
        var m = PASSWORD_PARAM.matcher(jdbc);
        if (m.find()) {
            pw = decode(jdbc.substring(m.end(1), m.end()));
            jdbc = removeParam(jdbc, m.start(), m.end());
        }
        return postgres(jdbc, p, pw, hostPort);
    }

    private static KbDatabase postgres(String jdbc, Properties p, String pw, String hostPort) {
        String lowerJdbc = jdbc.toLowerCase(Locale.ROOT);
        String lowerHost = hostPort.toLowerCase(Locale.ROOT);
        boolean pooler = lowerHost.contains("pooler.supabase.com") || lowerHost.matches(".*:6543(,.*)?");
        if (pooler && !lowerJdbc.contains("preparethreshold=")) {
            p.setProperty("prepareThreshold", "0");
        }
        if (!lowerJdbc.contains("applicationname=")) {
            p.setProperty("ApplicationName", "spotter-kb");
        }
        if (!lowerJdbc.contains("connecttimeout=")) {
            p.setProperty("connectTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        }
        if (!lowerJdbc.contains("logintimeout=")) {
            p.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        }
        if (pw != null) {
            p.setProperty("password", pw);
        }
        return new KbDatabase(Dialect.POSTGRES, jdbc, p, pw == null || pw.isEmpty() ? null : pw);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Connection properties other than the password (for tests and diagnostics). */
    public Map<String, String> visibleProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : properties.stringPropertyNames()) {
            if (!k.equalsIgnoreCase("password")) {
                out.put(k, properties.getProperty(k));
            }
        }
        return out;
    }

    /** The JDBC URL with no password in it. */
    public String jdbcUrl() {
        return redactPasswordParam(jdbcUrl);
    }

    /** Replaces every occurrence of this database's password in {@code message} with {@code ***}. */
    public String redact(String message) {
        if (message == null) {
            return "";
        }
        String out = redactPasswordParam(message);
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, "***");
        }
        return out;
    }

    /**
     * Opens a connection with autocommit off. {@code readOnly} makes PostgreSQL run every transaction as
     * {@code READ ONLY} and opens SQLite files read-only, so a reader can never modify the source.
     */
    public Connection open(boolean readOnly) {
        try {
            Properties p = new Properties();
            p.putAll(properties);
            if (dialect == Dialect.SQLITE && readOnly) {
                p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            }
            Connection c = DriverManager.getConnection(jdbcUrl, p);
            try {
                c.setAutoCommit(false);
                if (dialect == Dialect.POSTGRES) {
                    c.setReadOnly(readOnly);
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw connectFailure(e);
        }
    }

    /** One line for a failed connection: classifies the SQLSTATE, never shows the password. */
    DataSourceException connectFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String user = properties.getProperty("user", "(default user)");
        String msg = switch (state) {
            case "28P01", "28000" ->
                "authentication failed for user " + user + " at " + jdbcUrl()
                        + " (check the password in the URL or PGPASSWORD)";
            case "3D000" -> "database does not exist: " + jdbcUrl();
            case "08001", "08004", "08006", "08000", "08003" ->
                "cannot connect to " + jdbcUrl() + ": " + rootMessage(e);
            default ->
                "cannot open " + jdbcUrl() + ": " + rootMessage(e)
                        + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
        };
        return new DataSourceException(redact(msg));
    }

    /** Message of {@code t}, plus its root cause when that says more (e.g. UnknownHostException). */
    static String rootMessage(Throwable t) {
        String msg = String.valueOf(t.getMessage()).replaceAll("\\s+", " ").strip();
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != t && root.getMessage() != null && !msg.contains(root.getMessage())) {
            msg = msg + " (" + root.getClass().getSimpleName() + ": "
                    + root.getMessage().strip() + ")";
        }
        return msg;
    }

    @Override
    public String toString() {
        return display;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String removeParam(String url, int start, int end) {
        char lead = url.charAt(start);
        String rest = url.substring(end);
        if (lead == '?') {
            return rest.startsWith("&")
                    ? url.substring(0, start) + "?" + rest.substring(1)
                    : url.substring(0, start) + rest;
        }
        return url.substring(0, start) + rest;
    }

    private static String redactPasswordParam(String s) {
        return PASSWORD_PARAM.matcher(s).replaceAll("$1***");
    }

    /** A URI with its user-info password masked, for error messages about URLs we could not parse. */
    static String redactUri(String u) {
        String out = u.replaceAll("(://[^:/@?]*:).*@", "$1***@");
        return redactPasswordParam(out);
    }

    private static String hostPort(String afterScheme) {
        String s = afterScheme.startsWith("//") ? afterScheme.substring(2) : afterScheme;
        int i = indexOfAny(s, '/', '?');
        return i < 0 ? s : s.substring(0, i);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
