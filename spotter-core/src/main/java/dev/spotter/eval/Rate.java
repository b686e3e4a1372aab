package dev.spotter.eval;

/** {@code ok} of {@code n}; {@link #rate()} is NaN-free (0 when n is 0, check {@code n}). */
public record Rate(long n, long ok) {
    public static final Rate EMPTY = new Rate(0, 0);

    public double rate() {
        return n == 0 ? 0 : (double) ok / n;
    }

    /** "95.57% (3718/3890)" or "n/a" when nothing was measured. */
    public String percent() {
        return n == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f%% (%d/%d)", 100.0 * ok / n, ok, n);
    }

    Rate plus(boolean hit) {
        return new Rate(n + 1, ok + (hit ? 1 : 0));
    }
}
