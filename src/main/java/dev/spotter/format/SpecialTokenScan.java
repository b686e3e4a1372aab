package dev.spotter.format;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Llama 3 special-token strings in message content. Why: Hugging Face tokenizers parse a literal
 * {@code <|eot_id|>} in text as the control token, which silently ends a turn inside a training example.
 * The names are Meta's and Hugging Face's (both spellings of ids 128000–128255, see llama33-format.md).
 */
final class SpecialTokenScan {
    private static final Pattern SPECIAL = Pattern.compile(
            "<\\|(?:begin_of_text|end_of_text|finetune_right_pad_id|step_id|start_header_id|end_header_id"
                    + "|eom_id|eot_id|python_tag|image|reserved_special_token_\\d{1,3})\\|>");

    private SpecialTokenScan() {}

    /** The first special-token string in {@code text}, if any. */
    static Optional<String> findIn(CharSequence text) {
        // Cheap pre-check: nearly all content has no "<|" at all.
        if (text.toString().indexOf("<|") < 0) {
            return Optional.empty();
        }
        Matcher m = SPECIAL.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
