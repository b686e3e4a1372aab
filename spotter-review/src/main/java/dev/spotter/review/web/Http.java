package dev.spotter.review.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP face of {@link ReviewApp}, on Jetty's core handler API (no servlets). Security, in the order applied:
 * <ol>
 *   <li>Host header must name the loopback address and port (defeats DNS rebinding), unless remote access was
 *       allowed explicitly.</li>
 *   <li>Every request needs the run's token: the {@code token} query parameter (the printed URL), the
 *       {@code X-Spotter-Token} header, or the cookie set by the first tokened page load ({@code HttpOnly},
 *       {@code SameSite=Strict}). Without it: 403. Compared in constant time.</li>
 *   <li>State changes are POSTs of JSON that must carry the token in the header (a cookie alone is not enough, so a
 *       cross-site form cannot post) and, if the browser sends an Origin, our own origin. No CORS headers are ever
 *       sent and OPTIONS is refused, so other origins cannot read or write.</li>
 *   <li>Every response: a strict Content-Security-Policy (scripts and styles only from this server, no inline
 *       script), {@code nosniff}, no referrer (the URL holds the token), no caching, no framing.</li>
 * </ol>
 * Assets come from the jar (read once at start).
 */
final class Http extends Handler.Abstract {
    static final String TOKEN_HEADER = "X-Spotter-Token";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY = 16 << 20;
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String ASSETS = "/dev/spotter/review/web/assets/";

    private final ReviewApp app;
    private final byte[] token;
    private final String tokenText;
    private final boolean checkHost;
    private volatile Set<String> hosts = Set.of();
    private volatile String cookie = "spotter_review";
    private final Map<String, Asset> assets;
    private final byte[] page;

    private record Asset(String type, byte[] body) {}

    Http(ReviewApp app, String token, boolean checkHost) {
        this.app = app;
        this.tokenText = token;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.checkHost = checkHost;
        this.assets = Map.of(
                "/assets/app.js", asset("app.js", "text/javascript; charset=utf-8"),
                "/assets/app.css", asset("app.css", "text/css; charset=utf-8"));
        this.page = new String(asset("index.html", "").body(), StandardCharsets.UTF_8)
                .replace("{{TOKEN}}", token)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Called once the port is known: the Host values accepted and the cookie name (per port: cookies ignore ports). */
    void bound(int port) {
        hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        cookie = "spotter_review_" + port;
    }

    /** When the current request started (handlers answer on the thread that called them). */
    private static final ThreadLocal<Long> STARTED = ThreadLocal.withInitial(System::nanoTime);

    @Override
    public boolean handle(Request req, Response resp, Callback cb) {
        STARTED.set(System.nanoTime());
        org.eclipse.jetty.http.HttpFields.Mutable h = resp.getHeaders();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "no-store");
        h.put("X-Frame-Options", "DENY");
        String host = req.getHeaders().get(HttpHeader.HOST);
        if (checkHost && (host == null || !hosts.contains(host))) {
            return text(resp, cb, 403, "forbidden: unexpected Host header");
        }
        String method = req.getMethod();
        String path = req.getHttpURI().getPath();
        Fields query = Request.extractQueryParameters(req);
        String queryToken = query.getValue("token");
        String headerToken = req.getHeaders().get(TOKEN_HEADER);
        boolean post = method.equals("POST");
        boolean authorised =
                post ? matches(headerToken) : matches(queryToken) || matches(headerToken) || matches(cookieToken(req));
        if (!authorised) {
            return text(
                    resp,
                    cb,
                    403,
                    post
                            ? "forbidden: a POST needs the run's token in the " + TOKEN_HEADER + " header"
                            : "forbidden: open the URL printed by `spotter review` (it carries the run's token)");
        }
        if (post) {
            String origin = req.getHeaders().get(HttpHeader.ORIGIN);
            if (origin != null && !origin.equals("http://" + host)) {
                return text(resp, cb, 403, "forbidden: cross-origin request");
            }
        }
        try {
            if (method.equals("GET")) {
                return get(req, resp, cb, path, query, queryToken != null);
            }
            if (post) {
                return post(req, resp, cb, path);
            }
            return text(resp, cb, 405, "method not allowed");
        } catch (ReviewApp.Refused e) {
            ObjectNode o = e.extra == null ? MAPPER.createObjectNode() : e.extra.deepCopy();
            o.put("error", e.getMessage());
            return json(resp, cb, e.status, o);
        } catch (RuntimeException e) {
            System.err.println("spotter review: internal error on " + method + " " + path + ": " + e);
            ObjectNode o = MAPPER.createObjectNode();
            o.put("error", "internal error: " + e.getMessage());
            return json(resp, cb, 500, o);
        }
    }

    private boolean get(Request req, Response resp, Callback cb, String path, Fields query, boolean viaQuery) {
        switch (path) {
            case "/" -> {
                if (viaQuery) {
                    Response.addCookie(
                            resp,
                            HttpCookie.build(cookie, tokenText)
                                    .path("/")
                                    .httpOnly(true)
                                    .sameSite(HttpCookie.SameSite.STRICT)
                                    .build());
                }
                return send(resp, cb, 200, "text/html; charset=utf-8", page);
            }
            case "/api/overview" -> {
                return json(resp, cb, 200, app.overview());
            }
            case "/api/batch" -> {
                return json(resp, cb, 200, app.batchList(value(query, "source"), value(query, "batch")));
            }
            default -> {
                Asset a = assets.get(path);
                if (a == null) {
                    return text(resp, cb, 404, "not found");
                }
                return send(resp, cb, 200, a.type(), a.body());
            }
        }
    }

    private boolean post(Request req, Response resp, Callback cb, String path) {
        long len = req.getLength();
        if (len < 0 || len > MAX_BODY) {
            return text(resp, cb, 413, "a request body of at most 16 MiB with a Content-Length is required");
        }
        String type = req.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.startsWith("application/json")) {
            return text(resp, cb, 415, "POST bodies are JSON (Content-Type: application/json)");
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(Content.Source.asString(req, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ReviewApp.Refused(400, "the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new ReviewApp.Refused(400, "the body must be a JSON object");
        }
        ObjectNode out = switch (path) {
            case "/api/session" -> app.session(body.path("reviewer").asText(""));
            case "/api/open" -> app.open(body);
            case "/api/check" -> app.check(body);
            case "/api/decide" -> app.decide(body);
            case "/api/undo" -> app.undo(body);
            case "/api/skip" -> app.skip(body);
            case "/api/signoff" -> app.signOff(body);
            default -> throw new ReviewApp.Refused(404, "no such action " + path);
        };
        return json(resp, cb, 200, out);
    }

    private static String value(Fields q, String name) {
        String v = q.getValue(name);
        if (v == null) {
            throw new ReviewApp.Refused(400, "missing query parameter " + name);
        }
        return v;
    }

    private boolean matches(@Nullable String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private @Nullable String cookieToken(Request req) {
        for (HttpCookie c : Request.getCookies(req)) {
            if (c.getName().equals(cookie)) {
                return c.getValue();
            }
        }
        return null;
    }

    private static boolean json(Response resp, Callback cb, int status, JsonNode body) {
        return send(
                resp,
                cb,
                status,
                "application/json; charset=utf-8",
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean text(Response resp, Callback cb, int status, String body) {
        return send(resp, cb, status, "text/plain; charset=utf-8", (body + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the response with a Server-Timing header: the server's own time for the request, for benchmarks. */
    private static boolean send(Response resp, Callback cb, int status, String type, byte[] body) {
        double ms = (System.nanoTime() - STARTED.get()) / 1e6;
        resp.getHeaders().put("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.3f", ms));
        resp.setStatus(status);
        resp.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        resp.write(true, ByteBuffer.wrap(body), cb);
        return true;
    }

    private static Asset asset(String name, String type) {
        try (InputStream in = Http.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("asset " + name + " is missing from the jar");
            }
            return new Asset(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
