package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScrubberTest {
    private final PiiScrubber scrubber = PiiScrubber.all();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mail me at mike.torres@example.com today|mail me at [EMAIL] today",
                "me: A.B+tag@sub.example.co.uk.|me: [EMAIL].",
                "call (415) 555-0198 tonight|call [PHONE] tonight",
                "call 415-555-0198|call [PHONE]",
                "call 415.555.0198 or 1 415 555 0198|call [PHONE] or [PHONE]",
                "text +1 415 555 0123 if I miss|text [PHONE] if I miss",
                "uk +44 20 7946 0958 ok|uk [PHONE] ok",
                "de +49 30 1234567 ok|de [PHONE] ok",
                "see https://app.example.com/log?user=3&token=abc123XYZ now|see [URL] now",
                "see https://bob:hunter2@example.com/x|see [URL]",
                "see https://x.io/cb?api_key=k1&x=2|see [URL]",
                "I train at 1420 Oak Street gym|I train at [ADDRESS] gym",
                "ship to 77 Sunset Blvd. please|ship to [ADDRESS] please",
                "12 Maple Ave and 9 Elm Rd|[ADDRESS] and [ADDRESS]",
            })
    void replacesPersonalDataWithTypedPlaceholders(String in, String out) {
        assertThat(scrubber.scrub(in).text()).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bench press 225 for 8 at RPE 8",
                "5 mile run at 8:30 pace",
                "deadlift 405 for 3 on 2025-11-07",
                "squat 3x5 at 315, 11/07/2025",
                "400 meter repeats, 6 times at 1:30",
                "half marathon in 1:45:30",
                "5 mile run on the road",
                "3 sets of 10 down the lane",
                "a 10 minute easy run down Main Street way",
                "weights 225 315 405 today",
                "total 1,225 lb at 198.5 bodyweight",
                "see https://example.com/guide?page=2 for cues",
                "tempo run 4 miles at 7:45 pace, 12 km week",
                "db rows 80s for 12, 135 x 10",
                "ran 10,000 steps in 1 hour 20 min",
            })
    void leavesWorkoutNumbersDatesPacesAndPlainLinksAlone(String text) {
        PiiScrubber.Result r = scrubber.scrub(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.total()).isZero();
    }

    @Test
    void countsPerKindAndHonoursTheConfiguredKinds() {
        String t = "a@b.com, c@d.org, 415-555-0198, 1 Oak Street";
        PiiScrubber.Result r = scrubber.scrub(t);
        assertThat(r.counts())
                .containsEntry(PiiScrubber.Kind.EMAIL, 2)
                .containsEntry(PiiScrubber.Kind.PHONE, 1)
                .containsEntry(PiiScrubber.Kind.ADDRESS, 1);
        assertThat(r.total()).isEqualTo(4);
        PiiScrubber onlyMail = PiiScrubber.of(java.util.List.of("email"));
        assertThat(onlyMail.scrub(t).text()).isEqualTo("[EMAIL], [EMAIL], 415-555-0198, 1 Oak Street");
    }
}
