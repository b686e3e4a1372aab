package dev.spotter.train.export;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Llama33Template;
import dev.spotter.format.Role;
import dev.spotter.tokenizer.Llama3Tokenizer;
import dev.spotter.tokenizer.SpecialTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * What a platform's trainer sees of one example: the exact Llama 3.3 token stream (template with BOS, as the
 * platform renders it) with each token marked trained (in the loss) or not, the way axolotl's {@code preprocess
 * --debug} shows labels. Which tokens are trained is the target's {@link TrainRule} (the export's settings).
 *
 * <p>How the stream is built: turn by turn from the messages, not by re-parsing the rendered text, so a turn's
 * role and weight are known exactly. Each piece between two template special tokens is encoded on its own, which
 * is how the Llama 3 tokenizer encodes the whole rendered text (special tokens are never merged with text); the
 * {@code "\n\n"} that opens a turn's content belongs to the header (it is in the generation prompt) and is not
 * trained. Content is encoded the way a Hugging Face tokenizer encodes it: a literal {@code <|eot_id|>} in a
 * message becomes the special token (marked {@link Token#special()}), which is why such an example is flagged.
 *
 * <p>Warnings ({@link #warnings(TrainRule, ChatExample, int)}, also usable without tokenizing when the rendered
 * length is known, as the build does over every example): {@value #ZERO_TRAINABLE} (no content token in the loss
 * within the target's limit: the example teaches nothing, or only to stop at once, when every trained turn is
 * empty or the cut at the limit falls before the answer), {@value #TRUNCATED} (longer than the target's limit:
 * the platform truncates, drops or rejects it), {@value #DOUBLE_BOS} (a second {@code <|begin_of_text|>}),
 * {@value #SPECIAL_IN_CONTENT} (a special-token string in a message: the trainer's tokenizer turns it into a
 * control token and the labels no longer match the turns), {@value #WEIGHT_IGNORED} (a {@code weight: 0} turn
 * this target trains anyway: Bedrock's completion, axolotl with the exported config).
 *
 * @param rule     the target and its export settings
 * @param tokens   the stream in order
 * @param warnings the example's warning codes, in the order above
 */
public record TokenPreview(TrainRule rule, List<Token> tokens, List<String> warnings) {
    public static final String ZERO_TRAINABLE = "zero_trainable_tokens";
    public static final String TRUNCATED = "truncated";
    public static final String DOUBLE_BOS = "double_bos";
    public static final String SPECIAL_IN_CONTENT = "special_token_in_content";
    public static final String WEIGHT_IGNORED = "weight_ignored";
    private static final int UNKNOWN = -2;
    /** Every warning code, in report order. */
    public static final List<String> WARNINGS =
            List.of(ZERO_TRAINABLE, TRUNCATED, DOUBLE_BOS, SPECIAL_IN_CONTENT, WEIGHT_IGNORED);

    /** One token: its id, its text (special tokens by name) and whether the loss sees it. */
    public record Token(int id, String text, boolean trained) {
        /** A special (control) token, id 128000–128255. */
        public boolean special() {
            return SpecialTokens.isSpecial(id);
        }
    }

    public TokenPreview {
        tokens = List.copyOf(tokens);
        warnings = List.copyOf(warnings);
    }

    /** The preview of {@code example} for {@code target} with {@code spotter export}'s default settings. */
    public static TokenPreview of(Target target, ChatExample example) {
        return of(TrainRule.of(target), example);
    }

    /** The preview of {@code example} under {@code rule}. */
    public static TokenPreview of(TrainRule rule, ChatExample example) {
        Llama3Tokenizer tok = Llama3Tokenizer.shared();
        List<ChatMessage> msgs = example.messages();
        int last = lastAssistant(msgs);
        List<Token> out = new ArrayList<>();
        special(out, SpecialTokens.BEGIN_OF_TEXT);
        boolean system = !msgs.isEmpty() && msgs.get(0).role() == Role.SYSTEM;
        String date = Llama33Template.defaults().date();
        String preamble = "\n\nCutting Knowledge Date: December 2023\nToday Date: " + date + "\n\n";
        header(out, tok, "system");
        boolean sysTrained = system && rule.trains(msgs.get(0), false);
        // the system segment: the date lines belong to the template, never trained
        int before = out.size();
        text(out, tok, preamble + (system ? Llama33Template.pyStrip(msgs.get(0).content()) : ""), false);
        if (sysTrained) {
            int preambleTokens = tok.count(preamble);
            for (int i = before + preambleTokens; i < out.size(); i++) {
                Token t = out.get(i);
                out.set(i, new Token(t.id(), t.text(), true));
            }
        }
        out.add(new Token(SpecialTokens.EOT, Llama33Template.EOT, sysTrained));
        for (int i = system ? 1 : 0; i < msgs.size(); i++) {
            ChatMessage m = msgs.get(i);
            boolean trained = rule.trains(m, i == last);
            header(out, tok, m.role().wireName());
            text(out, tok, "\n\n" + Llama33Template.pyStrip(m.content()), trained);
            out.add(new Token(SpecialTokens.EOT, Llama33Template.EOT, trained));
        }
        int firstTrained = -1;
        for (int i = 0; i < out.size() && firstTrained < 0; i++) {
            if (out.get(i).trained() && !out.get(i).special()) {
                firstTrained = i;
            }
        }
        return new TokenPreview(rule, out, check(rule, example, out.size(), firstTrained));
    }

    /**
     * The warnings of {@code example} under {@code rule} when its rendered length ({@code tokens}, BOS included) is
     * known: equal to {@link #of(TrainRule, ChatExample)}'s. Only an example over the limit (does the cut leave a
     * trained token?) or with a special-token string in content (rare: the validator rejects them) is tokenized;
     * for the rest the answer is read off the messages: a trained message with non-blank content has a trained
     * content token.
     */
    public static List<String> warnings(TrainRule rule, ChatExample example, int tokens) {
        boolean special = example.messages().stream()
                .anyMatch(m -> SpecialTokens.findIn(m.content()).isPresent());
        if (special || (rule.limit() > 0 && tokens > rule.limit())) {
            return of(rule, example).warnings();
        }
        return check(rule, example, tokens, UNKNOWN);
    }

    /**
     * @param firstTrained index of the first trained content token in the stream, -1 for none, {@link #UNKNOWN}
     *                     when not tokenized (then it is read off the messages: a trained message is not blank)
     */
    private static List<String> check(TrainRule rule, ChatExample example, int tokens, int firstTrained) {
        List<ChatMessage> msgs = example.messages();
        int last = lastAssistant(msgs);
        boolean trained = false;
        boolean special = false;
        boolean bos = false;
        boolean ignored = false;
        for (int i = 0; i < msgs.size(); i++) {
            ChatMessage m = msgs.get(i);
            boolean t = rule.trains(m, i == last);
            trained |= t && !Llama33Template.pyStrip(m.content()).isEmpty();
            ignored |= t && Integer.valueOf(0).equals(m.weight());
            if (SpecialTokens.findIn(m.content()).isPresent()) {
                special = true;
                bos |= m.content().contains(Llama33Template.BOS);
            }
        }
        boolean over = rule.limit() > 0 && tokens > rule.limit();
        if (firstTrained != UNKNOWN) {
            trained = firstTrained >= 0 && (!over || firstTrained < rule.limit());
        }
        List<String> w = new ArrayList<>(2);
        if (!trained) {
            w.add(ZERO_TRAINABLE);
        }
        if (over) {
            w.add(TRUNCATED);
        }
        if (bos) {
            w.add(DOUBLE_BOS);
        }
        if (special) {
            w.add(SPECIAL_IN_CONTENT);
        }
        if (ignored) {
            w.add(WEIGHT_IGNORED);
        }
        return w;
    }

    public Target target() {
        return rule.target();
    }

    /** The target's limit in tokens, 0 when none is known ({@link TrainRule#limit()}). */
    public int limit() {
        return rule.limit();
    }

    /** Number of trained tokens. */
    public int trained() {
        return (int) tokens.stream().filter(Token::trained).count();
    }

    private static int lastAssistant(List<ChatMessage> msgs) {
        for (int i = msgs.size() - 1; i >= 0; i--) {
            if (msgs.get(i).role() == Role.ASSISTANT) {
                return i;
            }
        }
        return -1;
    }

    private static void special(List<Token> out, int id) {
        out.add(new Token(id, SpecialTokens.nameOf(id), false));
    }

    private static void header(List<Token> out, Llama3Tokenizer tok, String role) {
        special(out, SpecialTokens.START_HEADER);
        text(out, tok, role, false);
        special(out, SpecialTokens.END_HEADER);
    }

    /** Encodes {@code s} as a Hugging Face tokenizer would (special strings become special ids). */
    private static void text(List<Token> out, Llama3Tokenizer tok, String s, boolean trained) {
        boolean leading = true;
        for (int id : tok.encodeRendered(s)) {
            String piece = tok.decode(new int[] {id});
            leading &= !SpecialTokens.isSpecial(id) && piece.isBlank();
            out.add(new Token(id, piece, trained && !leading));
        }
    }
}
