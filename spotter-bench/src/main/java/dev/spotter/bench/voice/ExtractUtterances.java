package dev.spotter.bench.voice;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Role;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the last user utterance of each chat JSONL line (bench input). */
public final class ExtractUtterances {
    public static void main(String[] args) throws Exception {
        try (var lines = Files.lines(Path.of(args[0]))) {
            lines.forEach(l -> {
                ChatExample ex = ChatJson.parse(l);
                System.out.println(ex.last(Role.USER).orElseThrow().content());
            });
        }
    }
}
