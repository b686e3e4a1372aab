package dev.spotter.eval;

import dev.spotter.format.ChatMessage;
import java.util.List;

/**
 * Sends a prompt to a model and returns its answer. Implementations retry transient failures themselves and are
 * called from many virtual threads at once; {@link LlmResponder} adapts the generation engine's client.
 */
@FunctionalInterface
interface Responder {
    Reply reply(String model, List<ChatMessage> prompt) throws Exception;
}
