package io.signaldesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The worker's edit of a delivered copy without a database: which message and how (the button-carrying last one, as text
 * when the copy took several), and what a failure is recorded as (a sender that throws is the sender's failure, not a
 * rendering one), and a send whose sender throws says so too.
 */
class DeliveryWorkerRevisionTest {

    private static final byte[] PNG = {1, 2, 3};

    private final Outbox outbox = mock(Outbox.class);
    private final DeliveryMessages messages = mock(DeliveryMessages.class);
    private final List<String> edits = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;
    private DeliveryWorker worker;

    private final ChatSender sender = new ChatSender() {
        @Override
        public Platform platform() {
            return Platform.TELEGRAM;
        }

        @Override
        public SendLimits limits() {
            return new SendLimits(100, Duration.ZERO, Duration.ZERO);
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public SendResult send(ChatDestination destination, Reply message, boolean silent) {
            if (failure != null) {
                throw failure;
            }
            return new SendResult.Sent("1");
        }

        @Override
        public SendResult edit(ChatDestination destination, String messageId, Reply.Edit edit, boolean photo) {
            if (failure != null) {
                throw failure;
            }
            edits.add(messageId + (photo ? " caption " : " text ") + edit.text());
            return new SendResult.Sent(messageId);
        }
    };

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stopClaiming();
            worker.finish(Instant.now().plusSeconds(1));
        }
    }

    @Test
    void aPhotoSentAsOneMessageHasItsCaptionEdited() {
        Revision revision = revision(1, "501");
        run(revision, new Reply.Photo(PNG, "now approved", List.of()));

        verify(outbox, timeout(2000)).revised(eq(revision), anyString(), any(), eq(null));
        assertThat(edits).containsExactly("501 caption now approved");
    }

    @Test
    void aCopyOfSeveralMessagesHasItsLastEditedAsText() {
        Revision photo = revision(2, "601,602");
        run(photo, new Reply.Photo(PNG, "long caption", List.of()));
        verify(outbox, timeout(2000)).revised(eq(photo), anyString(), any(), eq(null));

        assertThat(edits).containsExactly("602 text long caption");
    }

    @Test
    void aSenderThatThrowsIsRecordedAsTheSendersFailureAndRetried() {
        failure = new IllegalStateException("boom in the client");
        Revision revision = revision(3, "701");
        run(revision, new Reply.Text("x"));

        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(outbox, timeout(2000)).reviseAt(eq(revision), anyString(), any(), reason.capture(), eq(true));
        assertThat(reason.getValue()).startsWith("TELEGRAM sender failed").contains("boom in the client").doesNotContain("rendered");
    }

    @Test
    void aSendWhoseSenderThrowsIsNotCalledARenderingFailure() {
        failure = new IllegalStateException("boom on send");
        Delivery delivery = delivery(4);
        when(outbox.claim(any(), anyString(), any(), any(), anyInt(), any())).thenReturn(List.of(delivery), List.of());
        when(messages.tooOld(any(), any())).thenReturn(Optional.empty());
        when(messages.render(any(), any())).thenReturn(new Reply.Text("x"));
        start();

        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(outbox, timeout(2000)).retryAt(eq(delivery), anyString(), any(), reason.capture(), eq(true));
        assertThat(reason.getValue()).startsWith("TELEGRAM sender failed").contains("boom on send");
    }

    private void run(Revision revision, Reply rendered) {
        when(outbox.claimRevisions(any(), anyString(), any(), any(), anyInt(), any())).thenReturn(List.of(revision), List.of());
        when(messages.render(any(), any())).thenReturn(rendered);
        start();
    }

    private void start() {
        NotificationsProperties properties = new NotificationsProperties(Duration.ofMillis(20), 5, Duration.ofMinutes(2),
                Duration.ofHours(1), null);
        worker = new DeliveryWorker(sender, outbox, messages, mock(ChatDestinations.class), properties, Clock.systemUTC(),
                new InstanceId("test-instance"));
        Thread.ofPlatform().daemon().start(worker);
    }

    private static Revision revision(long id, String messageIds) {
        return new Revision(delivery(id), messageIds, Instant.now(), 0);
    }

    private static Delivery delivery(long id) {
        return new Delivery(id, "test:" + id, new ChatDestination(300 + id, Platform.TELEGRAM, String.valueOf(300 + id), false, true),
                "TEST", "{}", false, 0, Instant.now().plusSeconds(600));
    }
}
