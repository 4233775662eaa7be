package io.signaldesk.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.chat.SendResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class TelegramMarkupTest {

    @Test
    void userTextNeverBecomesMarkup() {
        assertThat(TelegramMarkup.escape("<b>x</b> & <a href=\"y\">")).isEqualTo("&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href=\"y\"&gt;");
    }

    @Test
    void longTextsSplitAtLineBreaksWithinTheLimitAfterEscaping() {
        String line = "a".repeat(1500);
        List<String> chunks = TelegramMarkup.split(String.join("\n", line, line, line, "<" + line), 4096);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).isEqualTo(line + "\n" + line);
        assertThat(chunks.get(1)).isEqualTo(line + "\n&lt;" + line);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(4096));
    }

    @Test
    void aSingleOverlongLineIsCutButNeverInsideAnEntity() {
        String text = "x".repeat(4094) + "&&" + "y".repeat(10);
        List<String> chunks = TelegramMarkup.split(text, 4096);

        assertThat(chunks.get(0)).isEqualTo("x".repeat(4094));
        assertThat(String.join("", chunks)).isEqualTo(TelegramMarkup.escape(text));
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(4096));
    }

    @Test
    void botApiErrorsMapToWhatTheOutboxDoes() {
        assertThat(TelegramSender.classify(error(429, "Too Many Requests: retry after 7", 7)))
                .isEqualTo(new SendResult.RetryAfter(Duration.ofSeconds(7)));
        assertThat(TelegramSender.classify(error(403, "Forbidden: bot was blocked by the user", null))).isInstanceOf(SendResult.Gone.class);
        assertThat(TelegramSender.classify(error(400, "Bad Request: chat not found", null))).isInstanceOf(SendResult.Gone.class);
        assertThat(TelegramSender.classify(error(400, "Bad Request: can't parse entities", null))).isInstanceOf(SendResult.Rejected.class);
        assertThat(TelegramSender.classify(error(502, "Bad Gateway", null))).isInstanceOf(SendResult.Failed.class);
    }

    /** Losing the lock between the outbox's ready() and the send is no failed attempt: it comes back without counting toward the 10. */
    @Test
    void aSenderThatNoLongerLeadsHandsTheMessageBackWithoutCountingAnAttempt() {
        var sender = new TelegramSender(null, 30, () -> false);

        SendResult result = sender.send(new io.signaldesk.chat.ChatDestination(1, io.signaldesk.chat.Platform.TELEGRAM, "5", false, true),
                new io.signaldesk.chat.Reply.Text("x"), false);

        assertThat(result).isEqualTo(new SendResult.RetryAfter(Duration.ofSeconds(1)));
    }

    private static TelegramApiRequestException error(int code, String description, Integer retryAfter) {
        ResponseParameters parameters = null;
        if (retryAfter != null) {
            parameters = new ResponseParameters();
            parameters.setRetryAfter(retryAfter);
        }
        return new TelegramApiRequestException("Error sending", ApiResponse.builder().ok(false).errorCode(code)
                .errorDescription(description).parameters(parameters).build());
    }
}
