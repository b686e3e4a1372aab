package dev.spotter.review.web;

import dev.spotter.review.DecisionStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * The review web app: an embedded Jetty server on 127.0.0.1 (a free port unless one is given) serving the bundled
 * page and its JSON API over the sources to review, with decisions stored in the SQLite decisions database.
 *
 * <pre>{@code
 * try (ReviewServer s = ReviewServer.builder()
 *         .source(ReviewSource.generated("injury", Path.of("out/injury.jsonl"), policy))
 *         .decisions(Path.of(".spotter/review.db"))
 *         .start()) {
 *     System.out.println("open " + s.url());   // http://127.0.0.1:PORT/?token=…
 *     s.join();
 * }
 * }</pre>
 *
 * <p>Every request needs the per-run token (see {@link Http}). Binding to an address other than loopback needs
 * {@link Builder#allowRemote(boolean)}; {@link #warnings()} then says that anyone who can reach the port and has the
 * URL can review. API keys are never read here: the page gets records, checks and provenance (secret-looking fields
 * redacted), nothing from the environment.
 */
public final class ReviewServer implements AutoCloseable {
    private final Server server;
    private final DecisionStore store;
    private final String token;
    private final String host;
    private final int port;
    private final List<String> warnings;

    private ReviewServer(
            Server server, DecisionStore store, String token, String host, int port, List<String> warnings) {
        this.server = server;
        this.store = store;
        this.token = token;
        this.host = host;
        this.port = port;
        this.warnings = List.copyOf(warnings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The URL to open, token included. */
    public URI url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port + "/?token=" + token);
    }

    public int port() {
        return port;
    }

    /** The per-run secret every request must carry. */
    public String token() {
        return token;
    }

    /** Warnings to print (a non-loopback bind), empty normally. */
    public List<String> warnings() {
        return warnings;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the review server: " + e.getMessage(), e);
        } finally {
            store.close();
        }
    }

    /** Fail-fast builder. */
    public static final class Builder {
        private final List<ReviewSource> sources = new ArrayList<>();
        private @Nullable Path decisions;
        private String host = "127.0.0.1";
        private int port;
        private boolean allowRemote;
        private Duration leaseTtl = Duration.ofMinutes(10);
        private @Nullable String token;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder source(ReviewSource s) {
            sources.add(Objects.requireNonNull(s, "source"));
            return this;
        }

        public Builder sources(List<ReviewSource> list) {
            list.forEach(this::source);
            return this;
        }

        /** The decisions database file (created if missing); keep it beside the project's state, not in the output. */
        public Builder decisions(Path file) {
            this.decisions = Objects.requireNonNull(file, "decisions");
            return this;
        }

        /** Address to bind (default 127.0.0.1); anything but loopback also needs {@link #allowRemote(boolean)}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port (default 0 = a free port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder allowRemote(boolean allow) {
            this.allowRemote = allow;
            return this;
        }

        /** How long a shown record stays reserved for its reviewer without activity (default 10 minutes). */
        public Builder leaseTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("lease time must be positive, was " + ttl);
            }
            this.leaseTtl = ttl;
            return this;
        }

        /** A fixed token instead of a random one (tests); at least 16 URL-safe characters. */
        public Builder token(String token) {
            if (!token.matches("[A-Za-z0-9_-]{16,}")) {
                throw new IllegalArgumentException("token must be at least 16 characters of [A-Za-z0-9_-]");
            }
            this.token = token;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ReviewServer start() throws IOException {
            Path db = decisions;
            if (db == null) {
                throw new IllegalStateException("the decisions database is not set: call decisions(path)");
            }
            if (sources.isEmpty()) {
                throw new IllegalStateException("nothing to review: add at least one source");
            }
            boolean loopback;
            try {
                loopback = InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot resolve the bind address " + host);
            }
            List<String> warnings = new ArrayList<>();
            if (!loopback) {
                if (!allowRemote) {
                    throw new IllegalArgumentException("binding to " + host + " would let other machines reach the"
                            + " review app; bind to 127.0.0.1 or allow it explicitly (--allow-remote)");
                }
                warnings.add("WARNING: the review app listens on " + host + ", not on loopback: anyone who can reach"
                        + " this port and has the URL (token) can read the records and record decisions");
            }
            String tok = token;
            if (tok == null) {
                byte[] b = new byte[24];
                new SecureRandom().nextBytes(b);
                tok = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            }
            DecisionStore store = DecisionStore.open(db, clock);
            try {
                ReviewApp app = new ReviewApp(sources, store, leaseTtl, clock);
                QueuedThreadPool pool = new QueuedThreadPool(16, 2);
                pool.setName("spotter-review");
                Server server = new Server(pool);
                ServerConnector c = new ServerConnector(server, 1, 1);
                c.setHost(host);
                c.setPort(port);
                server.addConnector(c);
                Http http = new Http(app, tok, loopback);
                server.setHandler(http);
                server.start();
                int bound = c.getLocalPort();
                http.bound(bound);
                Thread.ofVirtual().name("spotter-review-warm-up").start(() -> {
                    try {
                        app.warmUp();
                    } catch (RuntimeException e) {
                        System.err.println("spotter review: warm-up failed (the first record loads slower): " + e);
                    }
                });
                return new ReviewServer(server, store, tok, host, bound, warnings);
            } catch (Exception e) {
                store.close();
                if (e instanceof IOException io) {
                    throw io;
                }
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(
                        "cannot start the review server on " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
