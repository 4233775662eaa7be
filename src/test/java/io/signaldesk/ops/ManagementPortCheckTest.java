package io.signaldesk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.StartupFailure;
import org.junit.jupiter.api.Test;

/** The management port may not be the main port: metrics would be public again. */
class ManagementPortCheckTest {

    @Test
    void theSamePortAsTheMainOneIsRefusedAtStartSayingWhatToDo() {
        assertThatThrownBy(() -> ManagementPortCheck.check("8080", "8080")).isInstanceOf(StartupFailure.class)
                .hasMessage("MANAGEMENT_SERVER_PORT is 8080, the same as SERVER_PORT: metrics and info would be public on the main port.")
                .satisfies(failure -> assertThat(((StartupFailure) failure).action()).contains("-1 to turn the management port off"));
        assertThatCode(() -> ManagementPortCheck.check("8080", "8081")).doesNotThrowAnyException();
        assertThatCode(() -> ManagementPortCheck.check("0", "0")).as("random ports").doesNotThrowAnyException();
        assertThatCode(() -> ManagementPortCheck.check("8080", "-1")).as("no management HTTP").doesNotThrowAnyException();
        assertThatCode(() -> ManagementPortCheck.check("8080", null)).doesNotThrowAnyException();
    }
}
