package dev.spotter.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Loads the bundled JSON Schemas (draft 2020-12) once; compiled schemas are thread-safe. */
final class Schemas {
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private Schemas() {}

    static Schema load(String resource) {
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource dev/spotter/checks/" + resource + " missing");
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** Answer text parsed as one JSON object ({@code node}), or (node null) the {@code not_json} failure saying why not. */
    record Parsed(@Nullable JsonNode node, CheckResult failure) {}

    static Parsed parseObject(String answerJson) {
        JsonNode node;
        try {
            node = MAPPER.readTree(answerJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Parsed(null, CheckResult.of("not_json", "answer is not JSON: " + e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return new Parsed(null, CheckResult.of("not_json", "answer is not a JSON object"));
        }
        return new Parsed(node, CheckResult.OK);
    }

    static CheckResult validate(Schema schema, JsonNode node) {
        List<Error> errors = schema.validate(node);
        CheckResult.Builder b = new CheckResult.Builder();
        for (Error e : errors) {
            b.add("schema", e.getInstanceLocation() + " " + e.getMessage());
        }
        return b.build();
    }
}
