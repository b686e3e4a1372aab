package dev.spotter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numeric correctness of a pace/distance answer against the gold answer.
 *
 * <p>Gold in the structured form ({@code {"answer":..., "calculation":{"type","inputs","result"}}}): every
 * numeric field of {@code calculation.result} must be matched. From a structured model answer, by the same
 * field; from a prose answer, by a clock time (for fields in seconds) or a number stated in the text. Gold in
 * prose: every clock time it states must appear in the answer, else every number. Tolerances are those of the
 * checks package's answer checker: seconds ±max(1.5 s, 0.3%), other values ±max(0.05, 0.5%).
 */
final class PaceScoring implements Scorers.PaceJudge {
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d:])(\\d{1,2}):([0-5]\\d)(?::([0-5]\\d))?(?![\\d:])");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.:])\\d+(?:\\.\\d+)?(?![\\d:])");

    @Override
    public boolean correct(String gold, String answer) {
        JsonNode g = AnswerJson.object(gold);
        if (g != null && g.path("calculation").path("result").isObject()) {
            JsonNode a = AnswerJson.object(answer);
            JsonNode ar = a == null ? null : a.path("calculation").path("result");
            List<Double> clocks = clocks(answer);
            List<Double> numbers = numbers(answer);
            for (Map.Entry<String, JsonNode> e :
                    g.path("calculation").path("result").properties()) {
                boolean seconds = e.getKey().contains("seconds");
                List<Double> want = new ArrayList<>();
                if (e.getValue().isNumber()) {
                    want.add(e.getValue().asDouble());
                } else if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> want.add(v.asDouble()));
                } else {
                    continue;
                }
                for (int i = 0; i < want.size(); i++) {
                    double w = want.get(i);
                    boolean hit;
                    if (ar != null && ar.isObject() && ar.has(e.getKey())) {
                        JsonNode got = ar.get(e.getKey());
                        JsonNode gi = got.isArray() ? got.get(i) : (i == 0 ? got : null);
                        hit = gi != null && gi.isNumber() && close(gi.asDouble(), w, seconds);
                    } else {
                        hit = (seconds ? clocks : numbers).stream().anyMatch(x -> close(x, w, seconds))
                                || (seconds && numbers.stream().anyMatch(x -> close(x, w, true)));
                    }
                    if (!hit) {
                        return false;
                    }
                }
            }
            return true;
        }
        List<Double> goldClocks = clocks(gold);
        List<Double> ansClocks = clocks(answer);
        if (!goldClocks.isEmpty()) {
            return goldClocks.stream().allMatch(w -> ansClocks.stream().anyMatch(x -> close(x, w, true)));
        }
        List<Double> goldNums = numbers(gold);
        List<Double> ansNums = numbers(answer);
        return !goldNums.isEmpty()
                && goldNums.stream().allMatch(w -> ansNums.stream().anyMatch(x -> close(x, w, false)));
    }

    static boolean close(double got, double want, boolean seconds) {
        double tol = seconds ? Math.max(1.5, Math.abs(want) * 0.003) : Math.max(0.05, Math.abs(want) * 0.005);
        return Math.abs(got - want) <= tol;
    }

    static List<Double> clocks(String text) {
        List<Double> out = new ArrayList<>();
        Matcher m = CLOCK.matcher(text == null ? "" : text);
        while (m.find()) {
            double a = Double.parseDouble(m.group(1));
            double b = Double.parseDouble(m.group(2));
            out.add(m.group(3) == null ? a * 60 + b : a * 3600 + b * 60 + Double.parseDouble(m.group(3)));
        }
        return out;
    }

    static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out;
    }
}
