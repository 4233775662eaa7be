package io.signaldesk.chat.general;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.dispatch.ChatUsers;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code /language [en|vi]}: sets the language of replies; without an argument, two buttons. */
@Component
class LanguageCommand implements ChatCommand {

    private static final List<String> LANGUAGES = List.of("en", "vi");

    private final ChatUsers users;
    private final ChatTexts texts;

    LanguageCommand(ChatUsers users, ChatTexts texts) {
        this.users = users;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        String asked = request.arguments().toLowerCase(Locale.ROOT);
        if (asked.isEmpty()) {
            return List.of(new Reply.Text(texts.get(request.locale(), "language.choose"),
                    List.of(List.of(request.button("English", "en"), request.button("Tiếng Việt", "vi")))));
        }
        if (!LANGUAGES.contains(asked)) {
            String shown = asked.length() > 20 ? asked.substring(0, 20) + "…" : asked;
            return List.of(new Reply.Text(texts.get(request.locale(), "language.invalid", shown)));
        }
        return List.of(new Reply.Text(set(request, asked)));
    }

    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        return List.of(new Reply.Edit(set(request, payload), List.of()));
    }

    private String set(CommandRequest request, String language) {
        users.setLanguage(request.user().id(), language);
        return texts.get(Locale.forLanguageTag(language), "language.set");
    }
}
