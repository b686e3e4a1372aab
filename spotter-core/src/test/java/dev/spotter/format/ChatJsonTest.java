package dev.spotter.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatJsonTest {
    @Test
    void roundTripsMessagesAndWeights() {
        ChatExample ex = ChatExample.of(
                ChatMessage.system("sys \"quoted\""),
                ChatMessage.user("bench press 225 for 8 at RPE 8"),
                ChatMessage.assistant("{\"weight\":225}").withWeight(1));
        String line = ChatJson.toJsonLine(ex);
        assertThat(line).doesNotContain("\n");
        assertThat(ChatJson.parse(line)).isEqualTo(ex);
        assertThat(line).contains("\"weight\":1").containsOnlyOnce("weight\":");
    }

    @Test
    void rejectsUnknownRoleAndNonObjects() {
        assertThatThrownBy(() -> ChatJson.parse("{\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}"))
                .hasMessageContaining("unknown role: tool");
        assertThatThrownBy(() -> ChatJson.parse("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> new ChatMessage(Role.USER, "x", 2)).hasMessageContaining("0 or 1");
    }
}
