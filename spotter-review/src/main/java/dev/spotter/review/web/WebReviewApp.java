package dev.spotter.review.web;

import dev.spotter.review.ReviewApp;
import dev.spotter.review.ReviewedFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@link ReviewApp} service of this module ({@code META-INF/services}): a {@link ReviewServer} over the
 * project's reviewed files. Public only because {@link java.util.ServiceLoader} instantiates it.
 */
public final class WebReviewApp implements ReviewApp {
    @Override
    public Running start(List<ReviewedFile> files, Path db, Options options) throws IOException {
        ReviewServer.Builder b = ReviewServer.builder()
                .decisions(db)
                .port(options.port())
                .allowRemote(options.allowRemote())
                .leaseTtl(options.lease());
        if (options.host() != null) {
            b.host(options.host());
        }
        for (ReviewedFile f : files) {
            b.source(new ReviewSource(
                    f.sourceId(), f.data(), f.sidecar(), f.defaultCategory(), f.plan(), f.chunks(), f.policy()));
        }
        ReviewServer server = b.start();
        return new Running() {
            @Override
            public URI url() {
                return server.url();
            }

            @Override
            public List<String> warnings() {
                return server.warnings();
            }

            @Override
            public void join() throws InterruptedException {
                server.join();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
