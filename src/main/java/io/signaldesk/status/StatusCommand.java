package io.signaldesk.status;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatOperators;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /status}: an operator ({@link ChatOperators}: {@code SIGNALDESK_OPERATORS}, or the local page's
 * user) sees the whole service ({@link OperatorStatus}) in a private chat; anyone else, and an operator
 * in a group (where the answer is seen by everyone, e.g. Discord shows {@code /status} to the channel),
 * sees the view of the chat they ask in ({@link ChatStatus}). In a group only its admins may ask (the
 * catalog's {@code admin} access).
 */
@Component
class StatusCommand implements ChatCommand {

    private final ChatOperators operators;
    private final OperatorStatus operatorView;
    private final ChatStatus chatView;
    private final ChatDestinations destinations;
    private final Clock clock;

    StatusCommand(ChatOperators operators, OperatorStatus operatorView, ChatStatus chatView, ChatDestinations destinations, Clock clock) {
        this.operators = operators;
        this.operatorView = operatorView;
        this.chatView = chatView;
        this.destinations = destinations;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Instant now = clock.instant();
        if (operators.writesAsOperator(request.conversation())) {
            return Reply.text(operatorView.text(request.locale(), now));
        }
        return Reply.text(chatView.text(request.locale(), destinations.of(request.conversation()).id(), now));
    }
}
