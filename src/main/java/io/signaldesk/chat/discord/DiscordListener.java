package io.signaldesk.chat.discord;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandOption;
import io.signaldesk.chat.OptionValues;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.signaldesk.chat.Incoming;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * Discord interactions to the dispatcher and back. Every slash command is deferred at once (Discord
 * allows 3 s for a first answer; /analyze may take longer) and answered through the interaction hook;
 * in a server the answer is ephemeral (only the writer sees it) except for commands whose answer is
 * for the channel ({@link #PUBLIC}; a {@link Reply.Tracked} answer must be one of them: an ephemeral message can be
 * edited only through its interaction's hook, for 15 minutes, not later by the channel and id). A press is deferred as an edit: an {@link Reply.Edit} rewrites the
 * pressed message, other replies follow it, ephemeral in servers; a {@link Reply.Notice} (a refused
 * press, an acknowledgement for the presser) is always ephemeral. Autocomplete asks {@link OptionValues}.
 * Events arrive on virtual threads (the connection's event pool), so a slow command holds up no other.
 */
class DiscordListener extends ListenerAdapter {

    /** Commands whose answer the whole channel may see; every other answer in a server is ephemeral. */
    static final Set<String> PUBLIC = Set.of("help", "analyze", "backtest", "signals", "stats", "status");

    private static final String MODAL_VALUE = "value";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DiscordListener.class);

    private final CommandDispatcher dispatcher;
    private final CommandCatalog catalog;
    private final Optional<OptionValues> values;
    private final ChatTexts texts;

    DiscordListener(CommandDispatcher dispatcher, CommandCatalog catalog, Optional<OptionValues> values, ChatTexts texts) {
        this.dispatcher = dispatcher;
        this.catalog = catalog;
        this.values = values;
        this.texts = texts;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        boolean ephemeral = event.isFromGuild() && !PUBLIC.contains(event.getName());
        event.deferReply(ephemeral).queue();
        try {
            Optional<String> skipped = DiscordTranslation.skippedBeforeFilled(event, catalog);
            List<Reply> replies = skipped.isPresent()
                    ? Reply.text(texts.get(DiscordTranslation.locale(event), "chat.discord.option-skipped", skipped.get(), event.getName()))
                    : dispatcher.dispatch(DiscordTranslation.typed(event, catalog));
            replies.stream().filter(reply -> !(reply instanceof Reply.Erase)).forEach(reply -> answer(event.getHook(), reply, ephemeral));
        } catch (RuntimeException e) {
            failed(event.getHook(), event.getName(), e);
        }
    }

    /**
     * The button under a {@link Reply.Prompt} opens a modal with one text field: what is typed there is seen by
     * nobody else and never becomes a message in the channel's or DM's history.
     */
    private static void openInput(ButtonInteractionEvent event) {
        String field = event.getComponentId().substring(DiscordRendering.INPUT.length());
        String label = field.isBlank() ? "Answer" : field;
        var input = TextInput.create(MODAL_VALUE, TextInputStyle.SHORT).setRequired(true).setMaxLength(TextInput.MAX_VALUE_LENGTH).build();
        event.replyModal(Modal.create(event.getComponentId(), label.length() <= 45 ? label : label.substring(0, 45))
                .addComponents(Label.of(label.length() <= 45 ? label : label.substring(0, 45), input)).build()).queue();
    }

    /** A modal's answer: the writer's next message, handed to the dispatcher like a typed one; answered privately. */
    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        boolean ephemeral = event.isFromGuild();
        event.deferReply(ephemeral).queue();
        try {
            var value = event.getValue(MODAL_VALUE);
            String text = value == null ? "" : value.getAsString();
            var typed = new Incoming.Typed(DiscordTranslation.account(event), DiscordTranslation.conversation(event), text);
            dispatcher.dispatch(typed).stream().filter(reply -> !(reply instanceof Reply.Erase))
                    .forEach(reply -> answer(event.getHook(), reply, ephemeral));
        } catch (RuntimeException e) {
            failed(event.getHook(), "modal", e);
        }
    }

    /** One reply to a slash command through its hook; a {@link Reply.Tracked} one tells its receipt the message's id once Discord has it. */
    static void answer(InteractionHook hook, Reply reply, boolean ephemeral) {
        var send = hook.sendMessage(DiscordRendering.create(reply)).setEphemeral(ephemeral);
        if (reply instanceof Reply.Tracked tracked) {
            send.queue(message -> tracked.receipt().sent(message.getId()));
        } else {
            send.queue();
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (event.getComponentId().startsWith(DiscordRendering.INPUT)) {
            openInput(event);
            return;
        }
        event.deferEdit().queue();
        try {
            for (Reply reply : dispatcher.dispatch(DiscordTranslation.pressed(event))) {
                if (reply instanceof Reply.Edit edit) {
                    event.getHook().editOriginal(DiscordRendering.edit(edit, DiscordRendering.showsChart(event.getMessage()))).queue();
                } else {
                    boolean ephemeral = reply instanceof Reply.Notice || event.isFromGuild();
                    event.getHook().sendMessage(DiscordRendering.create(reply)).setEphemeral(ephemeral).queue();
                }
            }
        } catch (RuntimeException e) {
            failed(event.getHook(), "button", e);
        }
    }

    /** The dispatcher answers command failures itself; this catches what happens around it (rendering, the database). */
    private void failed(InteractionHook hook, String what, RuntimeException e) {
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        log.error("Discord {} could not be answered (reference {})", what, reference, e);
        hook.sendMessage(texts.get(java.util.Locale.ENGLISH, "chat.failed", reference)).setEphemeral(true).queue();
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        Optional<CommandOption> option = catalog.find(event.getName()).flatMap(spec -> spec.options().stream()
                .filter(candidate -> candidate.name().equals(event.getFocusedOption().getName())).findFirst());
        if (option.isEmpty() || values.isEmpty()) {
            event.replyChoiceStrings(List.of()).queue();
            return;
        }
        Map<String, String> others = new HashMap<>();
        event.getOptions().forEach(filled -> others.put(filled.getName(), filled.getAsString()));
        event.replyChoiceStrings(values.get().suggest(option.get().type(), event.getFocusedOption().getValue(), others,
                DiscordCommandData.MAX_CHOICES)).queue();
    }
}
