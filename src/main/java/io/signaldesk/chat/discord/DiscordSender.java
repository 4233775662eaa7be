package io.signaldesk.chat.discord;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendLimits;
import io.signaldesk.chat.SendResult;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.internal.requests.RestActionImpl;

/**
 * The outbox's way into Discord: a user's DM (destination = the user) or a server channel. Requests
 * are queued in JDA's rate-limit buckets ({@code submit()}), so JDA paces a burst to one channel by the
 * {@code X-RateLimit-*} headers instead of drawing 429s, and waits out a 429 that still comes (another
 * process sharing the token). The wait is bounded: each request carries a JDA deadline of
 * {@link #WAIT}, and a request still queued then is dropped by JDA unsent (never sent twice) and handed
 * back to the outbox as a wait. ({@code complete(false)}, used before, does not do this: JDA 6.5's
 * {@code Requester#request} executes a non-queued request at once on the caller's thread, outside the
 * buckets, so a burst drew 429s.) A closed DM, a channel the bot cannot see or post in, or an unknown
 * user or channel loses the destination; other errors are retried.
 *
 * <p>A server channel missing from JDA's cache is not taken as gone: the cache is empty for a server
 * that is still loading or briefly unavailable. Discord is asked ({@code GET /channels/{id}}): 404
 * Unknown Channel or 403 Missing Access loses the destination; a channel that exists is tried again
 * later (by then the cache holds it); a 429, 5xx or network failure is retried like any send.
 */
class DiscordSender implements ChatSender {

    /** Discord allows 50 requests a second per bot; a channel takes about 5 messages in 5 s. */
    private static final SendLimits LIMITS = new SendLimits(40, Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final Set<ErrorResponse> GONE = EnumSet.of(ErrorResponse.CANNOT_SEND_TO_USER, ErrorResponse.MISSING_PERMISSIONS,
            ErrorResponse.MISSING_ACCESS, ErrorResponse.UNKNOWN_CHANNEL, ErrorResponse.UNKNOWN_USER);

    /** Asks Discord over REST about a channel by id; the action ends normally when the channel exists. */
    @FunctionalInterface
    interface ChannelLookup {
        RestAction<?> retrieve(JDA jda, String channelId);
    }

    /**
     * {@code GET /channels/{id}} through JDA's own requester (its rate-limit buckets and error mapping);
     * JDA 6.5 has no public method for a channel outside its cache.
     */
    static final ChannelLookup REST = (jda, channelId) -> new RestActionImpl<Void>(jda, Route.Channels.GET_CHANNEL.compile(channelId));

    /** How long a send may wait in JDA's bucket (pacing, or a 429's retry-after) before the outbox gets it back. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * Beyond the deadline: a request that left the queue by then is in flight (OkHttp's own timeouts end
     * it). Wait plus this stays well inside the outbox's claim lease ({@code SIGNALDESK_DELIVERY_LEASE},
     * 2 min), so no other instance takes the row over while JDA may still send it.
     */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(30);

    private final Supplier<JDA> connection;
    private final ChannelLookup lookup;
    private final Duration wait;

    DiscordSender(Supplier<JDA> connection) {
        this(connection, REST);
    }

    DiscordSender(Supplier<JDA> connection, ChannelLookup lookup) {
        this(connection, lookup, WAIT);
    }

    /** @param wait how long a send may wait in JDA's bucket ({@link #WAIT}; shorter in tests) */
    DiscordSender(Supplier<JDA> connection, ChannelLookup lookup, Duration wait) {
        this.connection = connection;
        this.lookup = lookup;
        this.wait = wait;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public SendLimits limits() {
        return LIMITS;
    }

    @Override
    public boolean ready() {
        return connection.get() != null;
    }

    @Override
    public SendResult send(ChatDestination destination, Reply message, boolean silent) {
        JDA jda = connection.get();
        if (jda == null) {
            // lost between the outbox's ready() and this send: a retry that does not count as an attempt
            return new SendResult.RetryAfter(Duration.ofSeconds(1));
        }
        try {
            MessageChannel channel = destination.group() ? jda.getChannelById(MessageChannel.class, destination.chatId())
                    : await(jda.openPrivateChannelById(destination.chatId()));
            if (channel == null) {
                await(lookup.retrieve(jda, destination.chatId()));
                return new SendResult.Failed("channel " + destination.chatId() + " exists but is not in this connection's cache yet"
                        + " (its server may still be loading); trying again later");
            }
            var sent = await(channel.sendMessage(DiscordRendering.create(message)).setSuppressedNotifications(silent));
            return new SendResult.Sent(sent.getId());
        } catch (TimeoutException waited) {
            return new SendResult.RetryAfter(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.RetryAfter(Duration.ofSeconds(1));
        } catch (RateLimitedException limited) {
            // only a non-queued request gets this (JDA waits out a queued one's 429); kept for safety
            return new SendResult.RetryAfter(Duration.ofMillis(Math.max(1_000, limited.getRetryAfter())));
        } catch (ErrorResponseException e) {
            return classify(e.getErrorResponse(), e.getMeaning());
        } catch (PermissionException e) {
            return new SendResult.Gone("the bot lacks " + e.getPermission().getName() + " in channel " + destination.chatId());
        } catch (Exception e) {
            return new SendResult.Failed("Discord could not be reached: " + e.getMessage());
        }
    }

    /** Edits an earlier message of the bot in the destination's channel (the DM for a user), by the same rules as a send. */
    @Override
    public SendResult edit(ChatDestination destination, String messageId, Reply.Edit edit, boolean photo) {
        JDA jda = connection.get();
        if (jda == null) {
            return new SendResult.RetryAfter(Duration.ofSeconds(1));
        }
        try {
            MessageChannel channel = destination.group() ? jda.getChannelById(MessageChannel.class, destination.chatId())
                    : await(jda.openPrivateChannelById(destination.chatId()));
            if (channel == null) {
                return new SendResult.Failed("channel " + destination.chatId() + " is not in this connection's cache yet; trying again later");
            }
            var edited = await(channel.editMessageById(messageId, DiscordRendering.edit(edit, photo)));
            return new SendResult.Sent(edited.getId());
        } catch (TimeoutException waited) {
            return new SendResult.RetryAfter(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.RetryAfter(Duration.ofSeconds(1));
        } catch (ErrorResponseException e) {
            return e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE ? new SendResult.Rejected("message " + messageId + " is gone")
                    : classify(e.getErrorResponse(), e.getMeaning());
        } catch (PermissionException e) {
            return new SendResult.Gone("the bot lacks " + e.getPermission().getName() + " in channel " + destination.chatId());
        } catch (Exception e) {
            return new SendResult.Failed("Discord could not be reached: " + e.getMessage());
        }
    }

    /**
     * The action queued in its bucket with a deadline of {@link #wait}, and its result awaited; JDA's
     * failure (an {@link ErrorResponseException}, a {@link PermissionException}, the deadline's
     * {@link TimeoutException}) is rethrown as itself.
     */
    private <T> T await(RestAction<T> action) throws Exception {
        CompletableFuture<T> result = action.deadline(System.currentTimeMillis() + wait.toMillis()).submit();
        try {
            return result.get(wait.plus(IN_FLIGHT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            result.cancel(false);
            throw e;
        }
    }

    static SendResult classify(ErrorResponse error, String meaning) {
        String reason = error.name() + " (" + error.getCode() + "): " + meaning;
        return GONE.contains(error) ? new SendResult.Gone(reason) : new SendResult.Failed(reason);
    }
}
