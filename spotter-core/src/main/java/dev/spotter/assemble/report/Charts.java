package dev.spotter.assemble.report;

import dev.spotter.kernel.Html;
import java.util.List;
import java.util.Locale;

/** The report's inline SVG charts: horizontal bars with targets, and (paired) histograms. No scripts, no fonts. */
final class Charts {
    static final String BAR = "#3b6fb6";
    static final String VAL = "#e08a2c";
    static final String TARGET = "#c0392b";
    static final String MUTED = "#9aa5b1";

    private Charts() {}

    /** Horizontal stacked bars ({a, b}) with an optional target tick (third value, 0 = none). */
    static String bars(List<String> labels, List<long[]> vals) {
        int labelW = 330;
        int chartW = 560;
        int rowH = 24;
        long max = 1;
        for (long[] v : vals) {
            max = Math.max(max, Math.max(v[0] + v[1], v[2]));
        }
        int h = rowH * labels.size() + 10;
        StringBuilder b = new StringBuilder();
        b.append("<svg width=\"")
                .append(labelW + chartW + 90)
                .append("\" height=\"")
                .append(h)
                .append("\" role=\"img\" aria-label=\"bar chart\">\n");
        for (int i = 0; i < labels.size(); i++) {
            long[] v = vals.get(i);
            int y = i * rowH + 4;
            double wa = (double) v[0] / max * chartW;
            double wb = (double) v[1] / max * chartW;
            b.append("<text x=\"")
                    .append(labelW - 8)
                    .append("\" y=\"")
                    .append(y + 15)
                    .append("\" text-anchor=\"end\">")
                    .append(Html.escape(shorten(labels.get(i), 48)))
                    .append("</text>");
            b.append(rect(labelW, y + 2, wa, rowH - 8, BAR));
            if (v[1] > 0) {
                b.append(rect(labelW + wa, y + 2, wb, rowH - 8, VAL));
            }
            if (v[2] > 0) {
                double tx = labelW + (double) v[2] / max * chartW;
                b.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>",
                        tx,
                        tx,
                        y,
                        y + rowH - 4,
                        TARGET));
            }
            String label = n(v[0] + v[1]) + (v[2] > 0 ? " / " + n(v[2]) : "");
            b.append("<text x=\"")
                    .append(String.format(
                            Locale.ROOT,
                            "%.1f",
                            labelW + Math.max(wa + wb, v[2] > 0 ? (double) v[2] / max * chartW : 0) + 6))
                    .append("\" y=\"")
                    .append(y + 15)
                    .append("\">")
                    .append(label)
                    .append("</text>\n");
        }
        b.append("</svg>\n");
        return b.toString();
    }

    static String histogram(List<String> labels, List<Long> counts) {
        return histogram(labels, counts, List.of(), "tokens per example (bin start)");
    }

    /**
     * Vertical bars per bin; with {@code second} non-empty, two bars per bin (train, validation) as shares of
     * their own totals, so splits of different sizes compare.
     */
    static String histogram(List<String> labels, List<Long> counts, List<Long> second, String xTitle) {
        if (counts.isEmpty()) {
            return "<p class=\"note\">No examples.</p>\n";
        }
        int w = 900;
        int h = 220;
        int left = 50;
        int bottom = 40;
        boolean paired = !second.isEmpty();
        double[] a = shares(counts, paired);
        double[] v = paired ? shares(second, true) : new double[0];
        double max = 1e-9;
        for (double c : a) {
            max = Math.max(max, c);
        }
        for (double c : v) {
            max = Math.max(max, c);
        }
        double bw = (double) (w - left - 10) / counts.size();
        StringBuilder b = new StringBuilder();
        b.append("<svg width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\" role=\"img\" aria-label=\"histogram\">\n");
        b.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\"/>",
                left,
                w - 10,
                h - bottom,
                h - bottom,
                MUTED));
        b.append("<text x=\"")
                .append(left - 6)
                .append("\" y=\"16\" text-anchor=\"end\">")
                .append(paired ? String.format(Locale.ROOT, "%.0f%%", max * 100) : n(Math.round(max)))
                .append("</text>");
        b.append("<text x=\"")
                .append(left - 6)
                .append("\" y=\"")
                .append(h - bottom)
                .append("\" text-anchor=\"end\">0</text>\n");
        int step = Math.max(1, counts.size() / 10);
        for (int i = 0; i < counts.size(); i++) {
            double bh = a[i] / max * (h - bottom - 20);
            double x = left + i * bw;
            double each = paired ? (bw - 2) / 2 : bw - 2;
            b.append(rect(x + 1, h - bottom - bh, Math.max(1, each), bh, BAR));
            if (paired) {
                double vh = v[i] / max * (h - bottom - 20);
                b.append(rect(x + 1 + each, h - bottom - vh, Math.max(1, each), vh, VAL));
            }
            if (i % step == 0) {
                b.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x + bw / 2,
                        h - bottom + 16,
                        Html.escape(labels.get(i))));
            }
            b.append('\n');
        }
        b.append("<text x=\"")
                .append(w / 2)
                .append("\" y=\"")
                .append(h - 4)
                .append("\" text-anchor=\"middle\">")
                .append(Html.escape(xTitle))
                .append("</text>\n");
        b.append("</svg>\n");
        return b.toString();
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x,
                y,
                w,
                h,
                fill);
    }

    private static double[] shares(List<Long> counts, boolean normalise) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] s = new double[counts.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = normalise ? (total == 0 ? 0 : (double) counts.get(i) / total) : counts.get(i);
        }
        return s;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
