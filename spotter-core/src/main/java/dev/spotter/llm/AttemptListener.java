package dev.spotter.llm;

/**
 * Observes the HTTP attempts inside one {@link LlmClient#complete(LlmRequest, AttemptListener)} call, on the calling
 * thread. A spend cap uses it to pay per HTTP request rather than per call: each failed attempt is reported (so an
 * unanswered one can be charged), and a retry is sent only when {@link #retrying} allows it.
 */
public interface AttemptListener {
    /** Observes nothing and allows every retry. */
    AttemptListener NONE = new AttemptListener() {};

    /** An HTTP attempt failed with a retryable cause (whether or not attempts remain). */
    default void failed(RetryCause cause) {}

    /**
     * Called before a retry is sent (after {@link #failed}); false = do not send it, and the call fails as
     * {@link dev.spotter.ProviderException.Kind#TRANSIENT}.
     *
     * @throws InterruptedException when waiting (e.g. for budget room) was interrupted
     */
    default boolean retrying(RetryCause cause) throws InterruptedException {
        return true;
    }
}
