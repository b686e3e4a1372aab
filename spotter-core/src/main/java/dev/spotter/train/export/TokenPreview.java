package dev.spotter.train.export;

import dev.spotter.format.ChatExample;
import dev.spotter.format.Llama33Template;
import dev.spotter.tokenizer.Llama3Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a platform's trainer sees of one example: the exact Llama 3.3 token stream (template with BOS, as the
 * platform renders it) with each token marked trained (in the loss) or not, the way axolotl's {@code preprocess
 * --debug} shows labels. Rules per {@link Target}: chat targets (Together, Fireworks, OpenAI, axolotl with
 * {@code roles_to_train: [assistant]}, {@code train_on_eos: turn}) train on every assistant turn's content and its
 * {@code <|eot_id|>}; Bedrock's prompt/completion trains on the completion only (the last assistant turn and its
 * {@code <|eot_id|>}).
 *
 * <p>Exactness: the rendered text is split at its special tokens and each piece between two of them is encoded on
 * its own, which is how the Llama 3 tokenizer encodes it (special tokens are never merged with text); the
 * {@code "\n\n"} that opens a turn's content is its own pre-token and is not trained. Flags: no trained token,
 * longer than the target's limit (the platform truncates or rejects), and more than one BOS.
 *
 * @param tokens  the stream in order
 * @param limit   the target's sequence limit in tokens
 */
public record TokenPreview(Target target, List<Token> tokens, int limit) {
    /** One token: its id, its text (special tokens by name) and whether the loss sees it. */
    public record Token(int id, String text, boolean trained) {}

    private static final Pattern SPECIAL = Pattern.compile("<\\|[a-z_0-9]+\\|>");
    private static final int BOS_ID = 128_000;

    public TokenPreview {
        tokens = List.copyOf(tokens);
    }

    /** The preview of {@code example} for {@code target} with a sequence limit of {@code limit} tokens. */
    public static TokenPreview of(Target target, ChatExample example, int limit) {
        Llama3Tokenizer tok = Llama3Tokenizer.shared();
        String text = Llama33Template.defaults().render(example);
        List<Token> out = new ArrayList<>();
        Matcher m = SPECIAL.matcher(text);
        int at = 0;
        String previous = "";
        String role = "";
        int lastAssistantStart = -1;
        while (true) {
            boolean found = m.find();
            String between = text.substring(at, found ? m.start() : text.length());
            if (!between.isEmpty()) {
                boolean content = Llama33Template.END_HEADER.equals(previous);
                if (Llama33Template.START_HEADER.equals(previous)) {
                    role = between;
                }
                if (content && "assistant".equals(role)) {
                    lastAssistantStart = out.size();
                }
                boolean leading = true;
                for (int id : tok.encode(between)) {
                    String piece = tok.decode(new int[] {id});
                    leading &= piece.isBlank();
                    out.add(new Token(id, piece, content && "assistant".equals(role) && !leading));
                }
            }
            if (!found) {
                break;
            }
            String special = m.group();
            int[] ids = tok.encodeRendered(special);
            boolean eotOfAssistant = Llama33Template.EOT.equals(special)
                    && "assistant".equals(role)
                    && Llama33Template.END_HEADER.equals(previous);
            for (int id : ids) {
                out.add(new Token(id, special, eotOfAssistant));
            }
            previous = special;
            at = m.end();
        }
        if (target == Target.BEDROCK) { // completion only: the last assistant turn
            for (int i = 0; i < out.size() && i < lastAssistantStart; i++) {
                Token t = out.get(i);
                if (t.trained()) {
                    out.set(i, new Token(t.id(), t.text(), false));
                }
            }
        }
        return new TokenPreview(target, out, limit);
    }

    public int trained() {
        return (int) tokens.stream().filter(Token::trained).count();
    }

    /** Problems the trainer would have with this example (empty: none). */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (trained() == 0) {
            w.add("zero_trainable_tokens");
        }
        if (tokens.size() > limit) {
            w.add("truncated");
        }
        if (tokens.stream().filter(t -> t.id() == BOS_ID).count() > 1) {
            w.add("double_bos");
        }
        return w;
    }
}
