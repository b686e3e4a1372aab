package dev.spotter.format;

/** Which assistant messages carry training weight in {@link ConvertFormat#MESSAGES} output. */
public enum TrainOn {
    /** Keep the source's weights as they are (none written when the source has none: platforms then train all). */
    SOURCE,
    /** weight 1 on the last assistant message, 0 on earlier ones. */
    LAST,
    /** weight 1 on every assistant message. */
    ALL;

    /** {@code source}, {@code last} or {@code all} (any case), as {@code --train-on} takes it. */
    public static TrainOn parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "source" -> SOURCE;
            case "last" -> LAST;
            case "all" -> ALL;
            default -> throw new dev.spotter.ConfigurationException("--train-on must be source, last or all, was " + s);
        };
    }
}
