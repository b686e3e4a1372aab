// Prints the cold vocabulary load time: first call of Llama3Tokenizer.shared() in a fresh JVM (run by run.sh).

package dev.spotter.bench.tokenizer;

import dev.spotter.tokenizer.Llama3Tokenizer;

public final class LoadTime {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Llama3Tokenizer tok = Llama3Tokenizer.shared();
        long t1 = System.nanoTime();
        int n = tok.count("warm");
        System.out.printf(
                "Llama3Tokenizer.shared() cold: %.1f ms (first encode after it: %.1f ms, %d token)%n",
                (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6, n);
    }
}
