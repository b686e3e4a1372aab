package dev.spotter.kb;

import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where a knowledge base lives: a PostgreSQL (Supabase) or SQLite database, built from one URL.
 *
 * <p>Accepted URLs (parsed by {@link PgUrl} before the driver sees anything):
 * <ul>
 *   <li>{@code postgresql://user:pass@host:port/db?sslmode=require} or {@code postgres://…} — the URI that
 *       Supabase's "Connect" dialog shows (libpq's rules: percent-decoded, {@code +} is a plus).</li>
 *   <li>{@code jdbc:postgresql://host:port/db?user=…&password=…} — pgjdbc's form (its rules: {@code +} in a query
 *       value is a space); a {@code user:pass@} part, which pgjdbc itself does not accept, is moved out too.</li>
 *   <li>{@code jdbc:sqlite:/path/file.db} — the embedded form (the bundled sample uses it).</li>
 * </ul>
 * When the URL carries no password, {@code PGPASSWORD} (taken raw, not decoded) is used; when it names no user,
 * {@code PGUSER}. A password in the URL wins over {@code PGPASSWORD}, as in libpq.
 *
 * <p><b>Transaction poolers.</b> Every PostgreSQL connection gets {@code prepareThreshold=0}, whatever the host or
 * port: PgBouncer and Supavisor in transaction mode hand the next client the same server connection, and pgjdbc's
 * default names its own {@code ROLLBACK} as a server-side prepared statement ({@code S_2}), so the second run
 * through a pooler failed with {@code prepared statement "S_2" already exists}. With the threshold at 0 every
 * statement, pgjdbc's {@code COMMIT}/{@code ROLLBACK} included, is unnamed (measured against PgBouncer 1.18 in
 * transaction mode: KbPgBouncerTest, docs/areas/kb.md); Spotter runs a handful of statements per connection, so
 * nothing is lost by never preparing. {@code ?pgbouncer=true} (Prisma's spelling) is accepted and forces it even
 * when the URL sets another {@code prepareThreshold}. Cursors ({@code setFetchSize}) keep working: their portals
 * live inside the one transaction a read uses, during which a pooler pins one server connection.
 *
 * <p>The password is held only in memory; it never enters the driver's URL, so neither our messages nor the
 * driver's can hold it. {@link #redact(String)} masks it anyway as a second line of defence.
 */
public final class KbDatabase {
    /** The two SQL dialects the readers and the importer speak. */
    public enum Dialect {
        POSTGRES,
        SQLITE
    }

    private static final int LOGIN_TIMEOUT_SECONDS = 15;
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final Dialect dialect;
    private final String jdbcUrl;
    private final Properties properties;
    private final String password;
    private final PgUrl url;
    private final String display;

    private KbDatabase(Dialect dialect, String jdbcUrl, Properties properties, String password, PgUrl url) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.password = password;
        this.url = url;
        String user = properties.getProperty("user");
        this.display = jdbcUrl + (user == null ? "" : " (user " + user + ")");
    }

    /**
     * Parses {@code url}, reading {@code PGPASSWORD}/{@code PGUSER} from {@code environment} when the URL lacks them.
     *
     * @throws DataSourceException for a URL that is not one of the accepted forms or is ambiguous (the message never
     *     repeats the URL's secret parts)
     */
    public static KbDatabase fromUrl(String url, Environment environment) {
        if (url == null || url.isBlank()) {
            throw new DataSourceException(
                    "no database URL given (use --db-url or the SPOTTER_KB_URL environment variable)");
        }
        String u = PgUrl.clean(url);
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return new KbDatabase(Dialect.SQLITE, u, new Properties(), null, null);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            throw new DataSourceException("that is a web (REST API) URL, not a database URL: use the database"
                    + " connection string from the Supabase dashboard's Connect dialog (postgresql://…), or read"
                    + " through the REST API with --supabase-url URL --supabase-key-env VAR");
        }
        if (!lower.startsWith("postgresql://")
                && !lower.startsWith("postgres://")
                && !lower.startsWith("jdbc:postgresql://")) {
            int colon = u.indexOf(':');
            String scheme = colon > 0 && colon < 20 ? u.substring(0, colon) : "(none)";
            throw new DataSourceException("unsupported database URL (scheme " + scheme + "): expected"
                    + " postgresql://…, postgres://…, jdbc:postgresql://… or jdbc:sqlite:…");
        }
        PgUrl p = PgUrl.parse(u);
        Properties props = new Properties();
        p.properties.forEach(props::setProperty);
        String user = p.user != null
                ? p.user
                : environment.get("PGUSER").filter(v -> !v.isEmpty()).orElse(null);
        if (user != null) {
            props.setProperty("user", user);
        }
        String pw = p.password != null
                ? p.password
                : environment.get("PGPASSWORD").filter(v -> !v.isEmpty()).orElse(null);
        if (p.poolerFlag || !props.containsKey("prepareThreshold")) {
            props.setProperty("prepareThreshold", "0");
        }
        props.putIfAbsent("ApplicationName", "spotter-kb");
        props.putIfAbsent("connectTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        props.putIfAbsent("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        if (p.supabase()) {
            props.putIfAbsent("sslmode", "require"); // Supabase only speaks TLS; never fall back to plain text
        }
        if (pw != null) {
            props.setProperty("password", pw);
        }
        return new KbDatabase(Dialect.POSTGRES, p.jdbcUrl(), props, pw, p);
    }

    /** The bundled SQLite form for a file path. */
    public static KbDatabase sqlite(java.nio.file.Path file) {
        return new KbDatabase(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), new Properties(), null, null);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Connection properties other than secrets (for tests and diagnostics). */
    public Map<String, String> visibleProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : properties.stringPropertyNames()) {
            if (!k.toLowerCase(Locale.ROOT).contains("password")) {
                out.put(k, properties.getProperty(k));
            }
        }
        return out;
    }

    /** The user name the connection logs in as, or null for the driver's default. */
    public String user() {
        return properties.getProperty("user");
    }

    /** The JDBC URL handed to the driver: hosts, ports and database only, never a password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Replaces this database's password in {@code message} with {@code ***}. The password never enters a URL or a
     * message built here; this is the safety net for text that comes from elsewhere. Passwords shorter than 4
     * characters are not searched for: masking every "a" of a message would destroy it and protect nothing.
     */
    public String redact(String message) {
        if (message == null) {
            return "";
        }
        String out = message;
        for (String k : properties.stringPropertyNames()) {
            String v = properties.getProperty(k);
            if (k.toLowerCase(Locale.ROOT).contains("password") && v != null && v.length() >= 4) {
                out = out.replace(v, "***");
            }
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

    /** One line for a failed connection: classifies the SQLSTATE, adds the hint that fits, never the password. */
    DataSourceException connectFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String user = properties.getProperty("user", "(default user)");
        String root = rootMessage(e);
        String msg = switch (state) {
            case "28P01", "28000" ->
                "authentication failed for user " + user + " at " + jdbcUrl
                        + " (check the password in the URL or PGPASSWORD" + authHint() + ")";
            case "3D000" -> "database does not exist: " + jdbcUrl;
            case "08001", "08004", "08006", "08000", "08003" ->
                "cannot connect to " + jdbcUrl + ": " + root + connectHint(root);
            default -> {
                String m =
                        "cannot open " + jdbcUrl + ": " + root + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
                if (root.contains("Tenant or user not found") || root.contains("no tenant identifier")) {
                    m += "; on the Supabase pooler (*.pooler.supabase.com) the user is postgres.<project-ref>,"
                            + " as in the dashboard's Connect dialog";
                }
                yield m;
            }
        };
        return new DataSourceException(redact(msg));
    }

    private String authHint() {
        StringBuilder sb = new StringBuilder();
        if (password != null && JWT.matcher(password).matches()) {
            sb.append("; the database password is not the anon or service_role API key: it is set under Project"
                    + " Settings > Database");
        }
        if (url != null && url.plusInUserInfo) {
            sb.append("; a + in a postgresql:// URL is a plus sign: write a space as %20");
        }
        if (url != null && url.supabasePooler() && user() != null && !user().contains(".")) {
            sb.append("; on the Supabase pooler the user is postgres.<project-ref>");
        }
        return sb.toString();
    }

    private String connectHint(String root) {
        String l = root.toLowerCase(Locale.ROOT);
        if (l.contains("does not support ssl")) {
            return " (the URL asks for TLS with sslmode=" + properties.getProperty("sslmode", "require")
                    + "; this server has none: drop sslmode or use sslmode=disable for a local server)";
        }
        if (l.contains("certificate") || l.contains("pkix")) {
            return " (sslmode=verify-full/verify-ca needs the project's CA certificate: download it from the"
                    + " dashboard (Project Settings > Database > SSL) and add sslrootcert=FILE, or use sslmode=require)";
        }
        boolean direct = url != null
                && url.hosts.stream()
                        .anyMatch(h -> h.host().toLowerCase(Locale.ROOT).matches("db\\..*\\.supabase\\.co"));
        if (direct && (l.contains("unknownhost") || l.contains("unreachable") || l.contains("no route"))) {
            return " (the direct connection db.<project-ref>.supabase.co is IPv6-only unless the IPv4 add-on is"
                    + " enabled; on an IPv4 network copy the Session pooler string from the dashboard's Connect dialog)";
        }
        return "";
    }

    /** Message of {@code t}, plus its root cause when that says more (e.g. UnknownHostException). */
    static String rootMessage(Throwable t) {
        String msg = String.valueOf(t.getMessage()).replaceAll("\\s+", " ").strip();
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.io.IOException io) {
            // the driver's advice plus the reason in words, not a JDK class name: "(connection refused)"
            return msg + " (" + dev.spotter.kernel.IoErrors.reason(io) + ")";
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
}
