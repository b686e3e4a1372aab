package dev.spotter.kb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real PgBouncer (the Debian package, {@code /usr/sbin/pgbouncer}; {@code .ci/run} installs it when missing) in
 * <b>transaction</b> pooling mode in front of a {@link PgServer}, on a free port that is not 6543 (the port Supabase
 * uses, which some tools special-case). One server connection per database/user pair ({@code default_pool_size=1}),
 * so consecutive client connections are handed the same server connection: exactly the reuse that made pgjdbc's
 * named statements collide ({@code prepared statement "S_2" already exists}).
 *
 * <p>Authentication is SCRAM from the client with the plain-text passwords in {@code userlist.txt}, so PgBouncer can
 * log in to PostgreSQL as each user (scram-sha-256 there too). PgBouncer refuses to run as root: as root it is
 * started with {@code -u nobody}, and its directory is made readable for that user.
 */
final class PgBouncer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    final int port;
    private final Process process;
    private final Path dir;

    /** {@code users}: user name → password, the roles clients may log in as. */
    PgBouncer(int serverPort, String database, Map<String, String> users) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    BINARY + " is missing: install the Debian package pgbouncer (.ci/run does)");
        }
        dir = Files.createTempDirectory("spotter-pgbouncer");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        port = freePort();
        StringBuilder userlist = new StringBuilder();
        users.forEach((u, p) -> userlist.append('"')
                .append(u.replace("\"", "\"\""))
                .append("\" \"")
                .append(p.replace("\"", "\"\""))
                .append("\"\n"));
        Path auth = dir.resolve("userlist.txt");
        Files.writeString(auth, userlist, StandardCharsets.UTF_8);
        Path ini = dir.resolve("pgbouncer.ini");
        Files.writeString(
                ini,
                String.join(
                        "\n",
                        "[databases]",
                        database + " = host=127.0.0.1 port=" + serverPort + " dbname=" + database,
                        "[pgbouncer]",
                        "listen_addr = 127.0.0.1",
                        "listen_port = " + port,
                        "unix_socket_dir =",
                        "auth_type = scram-sha-256",
                        "auth_file = " + auth,
                        "pool_mode = transaction",
                        "default_pool_size = 1",
                        "max_client_conn = 50",
                        "server_reset_query =",
                        "ignore_startup_parameters = extra_float_digits,options",
                        "logfile = " + dir.resolve("pgbouncer.log"),
                        "pidfile = " + dir.resolve("pgbouncer.pid"),
                        ""),
                StandardCharsets.UTF_8);
        for (Path f : List.of(auth, ini)) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "nobody"));
        }
        cmd.add(ini.toString());
        process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(until)) {
                    String log = Files.readString(dir.resolve("stdout.txt"));
                    close();
                    throw new IllegalStateException("pgbouncer did not start: " + log);
                }
                Thread.sleep(50);
            }
        }
    }

    /** PgBouncer's log (connections, errors): for assertions and for grepping for secrets. */
    String log() throws IOException {
        Path f = dir.resolve("pgbouncer.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (s.getLocalPort() != 6543) {
                    return s.getLocalPort();
                }
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
