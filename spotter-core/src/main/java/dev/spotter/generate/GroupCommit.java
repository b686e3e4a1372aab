package dev.spotter.generate;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Leader/follower group commit for {@link GenerationState}: a caller queues its work, then whichever caller holds
 * the writer monitor runs every queued work in one transaction (one fsync under {@code synchronous=FULL}). N workers
 * whose answers arrive together wait for about one fsync instead of N in a row, which is what made the kill -9 loss
 * window grow with the concurrency. A work's result is returned only after the transaction holding it committed; if
 * that transaction fails, every work in it fails with the same exception (nothing of it is stored).
 */
final class GroupCommit {
    /** One unit of database work. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs a work in one transaction (commit if it returns, rollback and rethrow if it throws). */
    @FunctionalInterface
    interface Transactions {
        void inTransaction(Work<Void> work);
    }

    private static final class Item<T> {
        final Work<T> work;
        boolean done;
        T result;
        RuntimeException failure;

        Item(Work<T> work) {
            this.work = work;
        }

        void run() throws SQLException {
            result = work.run();
        }
    }

    private final Object writer;
    private final Transactions tx;
    private final ArrayDeque<Item<?>> queued = new ArrayDeque<>();

    /** @param writer the monitor every other writer of the database holds too */
    GroupCommit(Object writer, Transactions tx) {
        this.writer = writer;
        this.tx = tx;
    }

    /** Runs {@code work} in a transaction shared with whatever else is queued; blocks until it committed. */
    <T> T submit(Work<T> work) {
        Item<T> item = new Item<>(work);
        synchronized (queued) {
            queued.add(item);
        }
        synchronized (writer) {
            if (!item.done) {
                List<Item<?>> batch;
                synchronized (queued) {
                    batch = new ArrayList<>(queued);
                    queued.clear();
                }
                RuntimeException failure = null;
                try {
                    tx.inTransaction(() -> {
                        for (Item<?> i : batch) {
                            i.run();
                        }
                        return null;
                    });
                } catch (RuntimeException e) {
                    failure = e;
                }
                for (Item<?> i : batch) {
                    i.failure = failure;
                    i.done = true;
                }
            }
        }
        if (item.failure != null) {
            throw item.failure;
        }
        return item.result;
    }
}
