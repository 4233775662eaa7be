package io.signaldesk.chat.general;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.ChatTexts;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /start}: the welcome (the dispatcher has registered the user and chat by now). */
@Component
class StartCommand implements ChatCommand {

    private final ChatTexts texts;

    StartCommand(ChatTexts texts) {
        this.texts = texts;
    }

    @Override
    public String name() {
        return "start";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        return List.of(new Reply.Text(texts.get(request.locale(), "start.welcome", texts.get(request.locale(), "start.someone"))));
    }
}
