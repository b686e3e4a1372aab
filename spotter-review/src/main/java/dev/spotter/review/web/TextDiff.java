package dev.spotter.review.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Line diff of an original and an edited assistant turn, for the page: the longest common subsequence of lines
 * (O(n·m) time and memory, so inputs are capped at {@value #MAX_LINES} lines each; beyond that the whole text shows as
 * removed and added). Turns are at most a few thousand characters, so this is small.
 */
final class TextDiff {
    static final int MAX_LINES = 2000;

    /** One diff line: {@code op} is ' ' (kept), '-' (removed) or '+' (added). */
    record Line(char op, String text) {}

    private TextDiff() {}

    static List<Line> lines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        List<Line> out = new ArrayList<>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            for (String s : a) {
                out.add(new Line('-', s));
            }
            for (String s : b) {
                out.add(new Line('+', s));
            }
            return out;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(' ', a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line('-', a[i++]));
            } else {
                out.add(new Line('+', b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line('-', a[i++]));
        }
        while (j < b.length) {
            out.add(new Line('+', b[j++]));
        }
        return out;
    }
}
