package dev.spotter.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpokenNumbersTest {
    @ParameterizedTest
    @CsvSource({
        "two twenty five, 225",
        "four oh five, 405",
        "one thirty five, 135",
        "a hundred and thirty five, 135",
        "five forty, 540",
        "102.5, 102.5",
        "one oh two point five, 102.5",
        "seven point five, 7.5",
        "eight and a half, 8.5",
        "forty five, 45",
        "twelve, 12",
        "two hundred, 200",
        "three fifteen, 315",
        "one hundred, 100",
        "6 and a half, 6.5"
    })
    void contractNumberForms(String said, double value) {
        List<Item> items = SpokenNumbers.group(Lexer.words(said));
        assertThat(items).hasSize(1);
        assertThat(items.get(0).isNum()).isTrue();
        assertThat(items.get(0).num).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"8:30, 510", "1:45:30, 6330", "eight thirty, 510", "seven forty five, 465", "twenty seven thirty, 1650"
    })
    void clockReadings(String said, int seconds) {
        List<Item> items = SpokenNumbers.group(Lexer.words(said));
        assertThat(items).hasSize(1);
        assertThat(items.get(0).clock).isEqualTo(seconds);
    }

    @ParameterizedTest
    @CsvSource({
        "'225lbs', '225 lb'",
        "'3x5', '3 x 5'",
        "'5k', '5 k'",
        "'@8', 'at 8'",
        "'R P E eight', 'rpe eight'",
        "'db rows', 'dumbbell rows'",
        "'fifteens', 'fifteen s'",
        "'Farmer''s walk', 'farmers walk'"
    })
    void lexerNormalises(String in, String out) {
        assertThat(Lexer.normalise(in)).isEqualTo(out);
    }
}
