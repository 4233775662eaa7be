package io.signaldesk.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.CommandAccess;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandOption;
import io.signaldesk.chat.CommandSpec;
import io.signaldesk.chat.CommandStatus;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.chat.OptionType;
import io.signaldesk.chat.Platform;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.junit.jupiter.api.Test;

/** Slash commands and button presses (JDA's event types mocked) into the chat core's terms. */
class DiscordTranslationTest {

    private static final LocalizedText TEXT = new LocalizedText("x", "x");
    private static final CommandCatalog CATALOG = new CommandCatalog(List.of(new CommandSpec("subscribe", CommandStatus.AVAILABLE,
            CommandAccess.ADMIN, TEXT, List.of(new CommandOption("exchange", OptionType.EXCHANGE, false, TEXT, List.of()),
            new CommandOption("pair", OptionType.PAIR, false, TEXT, List.of()),
            new CommandOption("timeframes", OptionType.TIMEFRAMES, false, TEXT, List.of()),
            new CommandOption("bot", OptionType.BOT, false, TEXT, List.of())), "test.yml")));

    @Test
    void aSlashCommandInAServerBecomesTheTypedCommandWithOptionsInCatalogOrder() {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        when(event.getName()).thenReturn("subscribe");
        option(event, "timeframes", "30m,1h,4h");
        option(event, "exchange", "binance");
        option(event, "pair", " BTC/USDT ");
        user(event.getUser(), event);
        when(event.getUserLocale()).thenReturn(DiscordLocale.VIETNAMESE);
        when(event.isFromGuild()).thenReturn(true);
        when(event.getChannelId()).thenReturn("555");
        Member member = mock(Member.class);
        when(member.hasPermission(Permission.MANAGE_SERVER)).thenReturn(true);
        when(event.getMember()).thenReturn(member);

        Incoming.Typed typed = DiscordTranslation.typed(event, CATALOG);

        assertThat(typed.text()).isEqualTo("/subscribe binance BTC/USDT 30m,1h,4h");
        assertThat(typed.account()).isEqualTo(new ChatAccount(Platform.DISCORD, "123", "ann", "vi"));
        assertThat(typed.conversation()).isEqualTo(new Conversation(Platform.DISCORD, "555", true, true));
    }

    @Test
    void aMissingOptionIsLeftOutAndAMemberWithoutManageServerIsNoAdmin() {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        when(event.getName()).thenReturn("subscribe");
        option(event, "exchange", "sim");
        user(null, event);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(event.isFromGuild()).thenReturn(true);
        when(event.getChannelId()).thenReturn("555");
        when(event.getMember()).thenReturn(mock(Member.class));

        Incoming.Typed typed = DiscordTranslation.typed(event, CATALOG);

        assertThat(typed.text()).isEqualTo("/subscribe sim");
        assertThat(typed.account().languageCode()).isEqualTo("en");
        assertThat(typed.conversation().writerIsAdmin()).isFalse();
    }

    @Test
    void anEmptyOptionBeforeAFilledOneIsReportedRatherThanMisread() {
        SlashCommandInteractionEvent skipping = mock(SlashCommandInteractionEvent.class);
        when(skipping.getName()).thenReturn("subscribe");
        option(skipping, "exchange", "sim");
        option(skipping, "timeframes", "1h");
        SlashCommandInteractionEvent inOrder = mock(SlashCommandInteractionEvent.class);
        when(inOrder.getName()).thenReturn("subscribe");
        option(inOrder, "exchange", "sim");
        option(inOrder, "pair", "BTC/USDT");

        assertThat(DiscordTranslation.skippedBeforeFilled(skipping, CATALOG)).contains("pair");
        assertThat(DiscordTranslation.skippedBeforeFilled(inOrder, CATALOG)).isEmpty();
    }

    @Test
    void theBotOptionArrivesAsBotEqualsAndMayFollowEmptyOptions() {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        when(event.getName()).thenReturn("subscribe");
        option(event, "exchange", "sim");
        option(event, "pair", "BTC/USDT");
        option(event, "bot", "futures-signals-ai");
        user(null, event);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(event.isFromGuild()).thenReturn(false);

        assertThat(DiscordTranslation.skippedBeforeFilled(event, CATALOG)).as("timeframes left empty before the bot is fine").isEmpty();
        assertThat(DiscordTranslation.typed(event, CATALOG).text()).isEqualTo("/subscribe sim BTC/USDT bot=futures-signals-ai");
    }

    @Test
    void aButtonPressInADmBecomesAPressInTheUsersPrivateChat() {
        ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
        when(event.getComponentId()).thenReturn("AbCdEfGhIjKl");
        User user = mock(User.class);
        when(user.getId()).thenReturn("123");
        when(user.getName()).thenReturn("ann");
        when(event.getUser()).thenReturn(user);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_UK);
        when(event.isFromGuild()).thenReturn(false);

        Incoming.Pressed pressed = DiscordTranslation.pressed(event);

        assertThat(pressed.buttonId()).isEqualTo("AbCdEfGhIjKl");
        assertThat(pressed.conversation()).isEqualTo(Conversation.privateChat(Platform.DISCORD, "123"));
    }

    private static void option(SlashCommandInteractionEvent event, String name, String value) {
        OptionMapping mapping = mock(OptionMapping.class);
        when(mapping.getAsString()).thenReturn(value);
        when(event.getOption(name)).thenReturn(mapping);
    }

    private static void user(User ignored, SlashCommandInteractionEvent event) {
        User user = mock(User.class);
        when(user.getId()).thenReturn("123");
        when(user.getName()).thenReturn("ann");
        when(event.getUser()).thenReturn(user);
    }
}
