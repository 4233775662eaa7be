package io.signaldesk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    @Test
    void declaresADeleteOrAClearWithItsCondition() {
        RetentionPolicy delete = RetentionPolicy.deleting("report-dispatches", "report_dispatch", "created_at", Duration.ofDays(90))
                .where("status <> 'PENDING'");
        assertThat(delete.deletes()).isTrue();
        assertThat(delete.condition()).isEqualTo("status <> 'PENDING'");
        RetentionPolicy clear = RetentionPolicy.clearing("llm-raw-answers", "llm_call", "started_at", Duration.ofDays(14), "raw_response");
        assertThat(clear.deletes()).isFalse();
        assertThat(clear.clearColumns()).containsExactly("raw_response");
        assertThat(RetentionPolicy.deleting("bot-actions", "bot_action", "created_at", Duration.ZERO).keepsForever()).isTrue();
    }

    @Test
    void refusesWhatCannotBeAPlainTableOrAge() {
        assertThatThrownBy(() -> RetentionPolicy.deleting("x", "bot_action; drop table signal", "created_at", Duration.ofDays(1)))
                .hasMessageContaining("not a plain lower-case SQL name");
        assertThatThrownBy(() -> RetentionPolicy.deleting("bot-actions", "bot_action", "created_at", Duration.ofDays(-1)))
                .hasMessageContaining("e.g. 30d");
        assertThatThrownBy(() -> RetentionPolicy.deleting("Bot Actions", "bot_action", "created_at", Duration.ofDays(1)))
                .hasMessageContaining("reads like bot-actions");
        assertThatThrownBy(() -> RetentionPolicy.clearing("llm", "llm_call", "started_at", Duration.ofDays(1)))
                .hasMessageContaining("name the columns");
    }
}
