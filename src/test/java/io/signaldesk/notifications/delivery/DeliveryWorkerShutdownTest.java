package io.signaldesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendLimits;
import io.signaldesk.chat.SendResult;
import io.signaldesk.ops.InstanceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * A rolling restart neither loses nor repeats a delivery: at shutdown the message on the wire (whichever took the first turn) is sent and recorded, the
 * ones still waiting for their turn are given back unsent (no attempt counted), and nothing more is claimed.
 */
class DeliveryWorkerShutdownTest {

    private final Outbox outbox = mock(Outbox.class);
    private final DeliveryMessages messages = mock(DeliveryMessages.class);
    private final CountDownLatch sending = new CountDownLatch(1);

    /** One message a second overall: the second and third claimed rows wait for their turn while the first is sent. */
    private final ChatSender slowSender = new ChatSender() {
        @Override
        public Platform platform() {
            return Platform.TELEGRAM;
        }

        @Override
        public SendLimits limits() {
            return new SendLimits(1, Duration.ZERO, Duration.ZERO);
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public SendResult send(ChatDestination destination, Reply message, boolean silent) {
            sending.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SendResult.Sent("77");
        }
    };

    @Test
    void theMessageOnTheWireIsRecordedAndTheWaitingOnesAreGivenBackUnsent() throws Exception {
        List<Delivery> claimed = List.of(delivery(1), delivery(2), delivery(3));
        when(outbox.claim(any(), anyString(), any(), any(), anyInt(), any())).thenReturn(claimed, List.of());
        when(messages.tooOld(any(), any())).thenReturn(Optional.empty());
        when(messages.render(any(), any())).thenReturn(new Reply.Text("hello"));
        NotificationsProperties properties = new NotificationsProperties(Duration.ofMillis(50), 5, Duration.ofMinutes(2),
                Duration.ofHours(1), null);
        DeliveryWorker worker = new DeliveryWorker(slowSender, outbox, messages, mock(ChatDestinations.class), properties,
                Clock.systemUTC(), new InstanceId("test-instance"));
        Thread loop = Thread.ofPlatform().daemon().start(worker);
        assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();

        worker.stopClaiming();
        loop.interrupt();
        worker.finish(Instant.now().plusMillis(600));

        ArgumentCaptor<Delivery> sent = ArgumentCaptor.forClass(Delivery.class);
        ArgumentCaptor<Delivery> given = ArgumentCaptor.forClass(Delivery.class);
        verify(outbox).sent(sent.capture(), anyString(), eq("77"), any());
        verify(outbox, timeout(2000).times(2)).release(given.capture(), anyString());
        assertThat(given.getAllValues()).doesNotContain(sent.getValue())
                .containsExactlyInAnyOrderElementsOf(claimed.stream().filter(row -> row != sent.getValue()).toList());
        verify(outbox, after(300).never()).retryAt(any(), anyString(), any(), anyString(), eq(true));
    }

    private static Delivery delivery(long id) {
        return new Delivery(id, "test:" + id, new ChatDestination(100 + id, Platform.TELEGRAM, String.valueOf(100 + id), false, true),
                "TEST", "{}", false, 0, Instant.now().plusSeconds(600));
    }
}
