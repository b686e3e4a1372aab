package dev.spotter.report;

import dev.spotter.ConfigurationException;
import dev.spotter.format.AcceptedLine;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Llama33Template;
import dev.spotter.format.Role;
import dev.spotter.format.TokenCounter;
import dev.spotter.format.ValidationSummary;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streaming statistics over accepted examples (feed it as the validator's consumer). Memory: three
 * {@link IntHistogram}s, i.e. proportional to distinct counts. Definitions:
 * <ul>
 *   <li>total tokens: the example rendered with the Llama 3.3 template (BOS included when the template includes
 *       it), as the trainer sees it;
 *   <li>assistant (trainable) tokens: for each assistant message whose weight is not 0, its trimmed content plus
 *       one for the closing {@code <|eot_id|>} the model learns to emit;
 *   <li>over limit: total tokens above the given limit (count only; stats never drops examples).
 * </ul>
 */
public final class DatasetStats implements Consumer<AcceptedLine> {
    private final TokenCounter counter;
    private final int tokenLimit;
    private final IntHistogram messages = new IntHistogram();
    private final IntHistogram total = new IntHistogram();
    private final IntHistogram assistant = new IntHistogram();
    private long missingSystem;
    private long missingUser;

    public DatasetStats(TokenCounter counter, int tokenLimit) {
        this.counter = Objects.requireNonNull(counter, "counter");
        if (tokenLimit < 1) {
            throw ConfigurationException.forParameter("tokenLimit", "must be >= 1, was " + tokenLimit);
        }
        this.tokenLimit = tokenLimit;
    }

    @Override
    public void accept(AcceptedLine a) {
        messages.add(a.example().messages().size());
        total.add(a.tokens() >= 0 ? a.tokens() : counter.countRendered(a.rendered()));
        int trainable = 0;
        for (ChatMessage m : a.example().messages()) {
            if (m.role() == Role.ASSISTANT && (m.weight() == null || m.weight() == 1)) {
                trainable += counter.count(Llama33Template.pyStrip(m.content())) + 1;
            }
        }
        assistant.add(trainable);
        missingSystem += a.example().has(Role.SYSTEM) ? 0 : 1;
        missingUser += a.example().has(Role.USER) ? 0 : 1;
    }

    /** The report so far, with the validation outcome that produced the accepted examples. */
    public StatsReport report(ValidationSummary validation) {
        return new StatsReport(
                validation,
                messages.count(),
                messages.summary(),
                total.summary(),
                assistant.summary(),
                missingSystem,
                missingUser,
                tokenLimit,
                total.countAbove(tokenLimit));
    }

    /**
     * @param examples        accepted examples
     * @param overLimit       examples whose total tokens exceed {@code tokenLimit}
     */
    public record StatsReport(
            ValidationSummary validation,
            long examples,
            IntHistogram.Summary messagesPerExample,
            IntHistogram.Summary totalTokens,
            IntHistogram.Summary assistantTokens,
            long missingSystem,
            long missingUser,
            int tokenLimit,
            long overLimit) {}
}
