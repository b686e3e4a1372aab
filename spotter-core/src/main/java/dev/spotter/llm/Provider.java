package dev.spotter.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.ConfigurationException;
import dev.spotter.ProviderException;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import java.util.Locale;

/**
 * The two wire formats Spotter speaks. OpenAI-compatible covers OpenAI, Together, Fireworks, vLLM, Ollama and
 * llama.cpp (only the base URL and key variable differ). The request/response mapping is public so batch files
 * use exactly the same JSON as live calls.
 */
public enum Provider {
    OPENAI("https://api.openai.com/v1", "OPENAI_API_KEY", "/chat/completions"),
    ANTHROPIC("https://api.anthropic.com/v1", "ANTHROPIC_API_KEY", "/messages");

    /** Version header Anthropic requires (platforms.md). */
    public static final String ANTHROPIC_VERSION = "2023-06-01";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String defaultBaseUrl;
    private final String defaultKeyEnv;
    private final String path;

    Provider(String defaultBaseUrl, String defaultKeyEnv, String path) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultKeyEnv = defaultKeyEnv;
        this.path = path;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Environment variable read for the key unless the configuration names another one. */
    public String defaultKeyEnv() {
        return defaultKeyEnv;
    }

    /** Endpoint path appended to the base URL ({@code /chat/completions} or {@code /messages}). */
    public String path() {
        return path;
    }

    public static Provider parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "openai", "openai-compatible", "together", "fireworks", "vllm", "ollama", "llamacpp", "llama.cpp" ->
                OPENAI;
            case "anthropic", "claude" -> ANTHROPIC;
            default -> throw new ConfigurationException("unknown provider '" + s + "' (expected openai or anthropic)");
        };
    }

    /**
     * Where an OpenAI-format request goes, which decides the name of the output-token limit (platforms.md): OpenAI's
     * own API deprecates {@code max_tokens} and its o-series and gpt-5 models reject it, so it gets
     * {@code max_completion_tokens}; OpenAI-compatible servers (vLLM, Together, Fireworks, Ollama, llama.cpp) take
     * {@code max_tokens}. Anthropic always takes {@code max_tokens}.
     */
    public enum Dialect {
        /** {@code api.openai.com}, and OpenAI Batch files. */
        OPENAI_API("max_completion_tokens"),
        /** Any other server: {@code max_tokens}. */
        COMPATIBLE("max_tokens");

        private final String maxTokensField;

        Dialect(String maxTokensField) {
            this.maxTokensField = maxTokensField;
        }

        /** {@code max_completion_tokens} or {@code max_tokens}. */
        public String maxTokensField() {
            return maxTokensField;
        }

        /** OPENAI_API for OpenAI's own host, else COMPATIBLE. */
        public static Dialect forBaseUrl(Provider p, java.net.URI baseUrl) {
            return p == OPENAI && "api.openai.com".equalsIgnoreCase(baseUrl.getHost()) ? OPENAI_API : COMPATIBLE;
        }
    }

    /**
     * False for models that accept only the default sampling parameters (OpenAI's o-series and gpt-5 reasoning
     * models answer a non-default {@code temperature} with 400 {@code unsupported_parameter}); Spotter then omits
     * {@code temperature}. gpt-5-chat models take it.
     */
    public static boolean acceptsSampling(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/');
        m = m.substring(slash + 1);
        if (m.startsWith("gpt-5-chat")) {
            return true;
        }
        return !(m.startsWith("gpt-5") || m.matches("o[1-9]([-.].*)?"));
    }

    /** The JSON request body as OpenAI's own API / OpenAI Batch (OPENAI) or Anthropic's Messages API expect it. */
    public ObjectNode requestBody(LlmRequest req) {
        return requestBody(req, this == OPENAI ? Dialect.OPENAI_API : Dialect.COMPATIBLE);
    }

    /** The JSON request body for this provider in {@code dialect}. */
    public ObjectNode requestBody(LlmRequest req, Dialect dialect) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", req.model());
        body.put(this == OPENAI ? dialect.maxTokensField() : "max_tokens", req.maxTokens());
        if (acceptsSampling(req.model())) {
            body.put("temperature", req.temperature());
        }
        if (this == OPENAI) {
            ArrayNode msgs = body.putArray("messages");
            for (ChatMessage m : req.messages()) {
                msgs.addObject().put("role", m.role().wireName()).put("content", m.content());
            }
            if (req.jsonMode()) {
                body.putObject("response_format").put("type", "json_object");
            }
        } else {
            // Anthropic: system is a top-level field, messages alternate user/assistant.
            StringBuilder system = new StringBuilder();
            ArrayNode msgs = MAPPER.createArrayNode();
            for (ChatMessage m : req.messages()) {
                if (m.role() == Role.SYSTEM) {
                    if (!system.isEmpty()) {
                        system.append("\n\n");
                    }
                    system.append(m.content());
                } else {
                    msgs.addObject().put("role", m.role().wireName()).put("content", m.content());
                }
            }
            if (!system.isEmpty()) {
                body.put("system", system.toString());
            }
            body.set("messages", msgs);
        }
        return body;
    }

    /**
     * Maps a 2xx response body to an {@link LlmResponse}.
     *
     * @throws ProviderException {@link ProviderException.Kind#MALFORMED_RESPONSE} when the body is not the expected shape
     */
    public LlmResponse parseResponse(String rawBody, String headerRequestId) throws ProviderException {
        JsonNode root;
        try {
            root = MAPPER.readTree(rawBody);
        } catch (Exception e) {
            throw malformed("response body is not JSON", rawBody, e);
        }
        if (root == null || !root.isObject()) {
            throw malformed("response body is not a JSON object", rawBody, null);
        }
        String id = root.path("id").isTextual() ? root.path("id").asText() : headerRequestId;
        if (this == OPENAI) {
            JsonNode choice = root.path("choices").path(0);
            if (!choice.isObject()) {
                throw malformed("response has no choices[0]", rawBody, null);
            }
            JsonNode msg = choice.path("message");
            JsonNode usage = root.path("usage");
            if (!usage.isObject()) {
                throw malformed("response has no usage", rawBody, null);
            }
            FinishReason fr =
                    FinishReason.fromOpenAi(choice.path("finish_reason").asText(null));
            if (msg.hasNonNull("refusal") && !msg.path("refusal").asText().isEmpty()) {
                fr = FinishReason.REFUSAL;
            }
            String text = msg.path("content").isTextual() ? msg.path("content").asText() : "";
            return new LlmResponse(
                    text,
                    fr,
                    new Usage(
                            usage.path("prompt_tokens").asLong(0),
                            usage.path("completion_tokens").asLong(0)),
                    id,
                    rawBody);
        }
        JsonNode content = root.path("content");
        JsonNode usage = root.path("usage");
        if (!content.isArray() || !usage.isObject()) {
            throw malformed("response has no content array or usage", rawBody, null);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        return new LlmResponse(
                text.toString(),
                FinishReason.fromAnthropic(root.path("stop_reason").asText(null)),
                new Usage(
                        usage.path("input_tokens").asLong(0),
                        usage.path("output_tokens").asLong(0)),
                id,
                rawBody);
    }

    private static ProviderException malformed(String what, String body, Throwable cause) {
        return new ProviderException(
                ProviderException.Kind.MALFORMED_RESPONSE, 200, what + ": " + LlmHttp.snippet(body), body, cause);
    }
}
