package dev.spotter.cli;

/** Test data shared by CLI tests that need a small project: 30 distinct one-turn "qa" examples. */
final class TinyProject {
    private TinyProject() {}

    /** 30 JSONL lines {@code {"category":"qa","messages":[user, assistant]}}, distinct enough to survive dedup. */
    static String examples() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append("{\"category\":\"qa\",\"messages\":[{\"role\":\"user\",\"content\":\"question ")
                    .append(i)
                    .append(" about squats and rest days ")
                    .append(i * 7919)
                    .append("\"},{\"role\":\"assistant\",\"content\":\"answer ")
                    .append(i)
                    .append("\"}]}\n");
        }
        return sb.toString();
    }
}
