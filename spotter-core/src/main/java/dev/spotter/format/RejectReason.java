package dev.spotter.format;

/**
 * Why a line of chat JSONL was rejected. The codes are stable (they appear in quarantine files, JSON summaries
 * and scripts that grep them): never rename one, only add.
 *
 * <p>The set is the union of the OpenAI cookbook's data-check categories ({@code data_type},
 * {@code missing_messages_list}, {@code message_missing_key}, {@code message_unrecognized_key},
 * {@code unrecognized_role}, {@code missing_content}, {@code example_missing_assistant_message}) and the rules of
 * Together's {@code files check}, plus byte-level and Llama-specific checks. Order = the order checks run in, so
 * a line gets the first reason that applies.
 */
public enum RejectReason {
    LINE_TOO_LONG("line_too_long", "line is longer than the configured maximum line length in bytes"),
    INVALID_UTF8("invalid_utf8", "line is not valid UTF-8"),
    BOM("bom", "line starts with a UTF-8 byte order mark (U+FEFF)"),
    BLANK_LINE("blank_line", "line is empty or whitespace only"),
    RAW_CARRIAGE_RETURN(
            "raw_carriage_return",
            "a raw carriage return (CR, byte 0x0D) inside the line: Python-based checkers (Together's) split the line"
                    + " there; write it as \\r inside a string"),
    INVALID_JSON("invalid_json", "line is not one well-formed JSON value"),
    DUPLICATE_KEY("duplicate_key", "a JSON object on the line repeats a key"),
    UNPAIRED_SURROGATE(
            "unpaired_surrogate",
            "a string holds an unpaired UTF-16 surrogate (such as the escape \\ud800 without its pair): it has no UTF-8"
                    + " encoding, so writers replace it or fail"),
    DATA_TYPE("data_type", "line is JSON but not an object (cookbook data_type; Together: not a JSON object)"),
    MIXED_FORMAT(
            "mixed_format",
            "line is in another Together dataset format (prompt/completion, text or preference); a file must use one"),
    MISSING_MESSAGES_LIST("missing_messages_list", "no \"messages\" key, or it is not a list"),
    EXTRA_COLUMNS("extra_columns", "top-level keys other than \"messages\" (Together rejects extra columns)"),
    EMPTY_MESSAGES("empty_messages", "\"messages\" is an empty list"),
    MESSAGE_NOT_OBJECT("message_not_object", "an element of \"messages\" is not a JSON object"),
    MESSAGE_MISSING_KEY("message_missing_key", "a message lacks \"role\" or \"content\""),
    MESSAGE_UNRECOGNIZED_KEY(
            "message_unrecognized_key",
            "a message has a key other than role, content, weight (name/function_call/tool keys are not supported)"),
    UNRECOGNIZED_ROLE("unrecognized_role", "role is not one of system, user, assistant"),
    MISSING_CONTENT("missing_content", "content is null or not a string"),
    EMPTY_CONTENT("empty_content", "content is empty or whitespace only"),
    INVALID_WEIGHT("invalid_weight", "weight is present but not the integer 0 or 1"),
    BAD_FIRST_ROLE("bad_first_role", "first message is neither system nor user"),
    MISPLACED_SYSTEM("misplaced_system", "a system message that is not the first message"),
    CONSECUTIVE_SAME_ROLE("consecutive_same_role", "two consecutive messages have the same role"),
    EXAMPLE_MISSING_ASSISTANT_MESSAGE("example_missing_assistant_message", "no assistant message"),
    LAST_NOT_ASSISTANT(
            "last_not_assistant", "last message is not from the assistant (trailing turns would never be trained on)"),
    SPECIAL_TOKEN_IN_CONTENT(
            "special_token_in_content",
            "content contains a Llama special-token string such as <|eot_id|>, which tokenizers may parse as a control token"),
    OVER_TOKEN_LIMIT("over_token_limit", "rendered Llama 3.3 conversation has more tokens than the configured limit");

    private final String code;
    private final String explanation;

    RejectReason(String code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    /** Stable snake_case code. */
    public String code() {
        return code;
    }

    /** One line saying what the code means. */
    public String explanation() {
        return explanation;
    }

    @Override
    public String toString() {
        return code;
    }
}
