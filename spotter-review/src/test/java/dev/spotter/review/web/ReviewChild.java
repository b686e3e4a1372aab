package dev.spotter.review.web;

import dev.spotter.review.ReviewPolicy;
import java.nio.file.Path;

/** A review server in its own JVM, for the kill test: {@code ReviewChild DATA DB TOKEN}; prints "PORT n". */
public final class ReviewChild {
    private ReviewChild() {}

    public static void main(String[] args) throws Exception {
        ReviewServer s = ReviewServer.builder()
                .source(ReviewSource.generated(
                        "coach",
                        Path.of(args[0]),
                        ReviewPolicy.builder().batchSize(500).build()))
                .decisions(Path.of(args[1]))
                .token(args[2])
                .start();
        System.out.println("PORT " + s.port());
        System.out.flush();
        s.join();
    }
}
