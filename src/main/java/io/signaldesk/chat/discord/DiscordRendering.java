package io.signaldesk.chat.discord;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.Reply;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Our replies as Discord messages: the text in an embed (Discord does not parse markdown from it as
 * commands, and user text is shown as written), coloured by the signal's side (green BUY, red SELL,
 * blue otherwise); a photo as an attachment shown in the embed; buttons as action rows (5 to a row,
 * 5 rows, labels cut to 80 characters); an edit replacing the message's embed and buttons. Texts
 * longer than an embed holds (4,096) are cut with "…" (a message holds 6,000 characters of embeds).
 */
final class DiscordRendering {

    static final int EMBED_LIMIT = 4096;
    static final String CHART = "chart.png";
    /**
     * The custom id prefix of the button under a {@link Reply.Prompt}: pressed, it opens a modal asking for the
     * prompt's field (the rest of the id), whose answer goes to the dispatcher as the writer's next message.
     */
    static final String INPUT = "input:";
    static final Color BUY = new Color(38, 166, 91);
    static final Color SELL = new Color(214, 48, 49);
    static final Color NEUTRAL = new Color(33, 100, 243);

    private DiscordRendering() {
    }

    static MessageCreateData create(Reply reply) {
        var message = new MessageCreateBuilder().setEmbeds(embed(reply));
        switch (reply) {
            case Reply.Text text -> message.setComponents(rows(text.buttons()));
            case Reply.Photo photo -> message.setComponents(rows(photo.buttons())).setFiles(List.of(FileUpload.fromData(photo.png(), CHART)));
            case Reply.Edit edit -> message.setComponents(rows(edit.buttons()));
            case Reply.Tracked tracked -> { }
            case Reply.Notice notice -> { }
            case Reply.Prompt prompt -> message.setComponents(ActionRow.of(net.dv8tion.jda.api.components.buttons.Button.primary(
                    INPUT + prompt.field(), cut("✏️ " + prompt.field(), 80))));
            case Reply.Erase erase -> throw new IllegalArgumentException("an erase is not a message");
        }
        return message.build();
    }

    /** The embed of any reply: its text, its colour, its chart when it has one. */
    static MessageEmbed embed(Reply reply) {
        return switch (reply) {
            case Reply.Text text -> embed(text.text(), text.tone(), false);
            case Reply.Photo photo -> embed(photo.caption(), photo.tone(), true);
            case Reply.Edit edit -> embed(edit.text(), Reply.Tone.NEUTRAL, false);
            case Reply.Tracked tracked -> embed(tracked.text(), Reply.Tone.NEUTRAL, false);
            case Reply.Notice notice -> embed(notice.text(), Reply.Tone.NEUTRAL, false);
            case Reply.Prompt prompt -> embed(prompt.text(), Reply.Tone.NEUTRAL, false);
            case Reply.Erase erase -> throw new IllegalArgumentException("an erase is not a message");
        };
    }

    static MessageEditData edit(Reply.Edit edit) {
        return edit(edit, false);
    }

    /** The edit of a message whose embed shows the attached chart ({@code photo}): the new embed keeps showing it. */
    static MessageEditData edit(Reply.Edit edit, boolean photo) {
        return new MessageEditBuilder().setEmbeds(embed(edit.text(), Reply.Tone.NEUTRAL, photo)).setComponents(rows(edit.buttons())).build();
    }

    /** Whether a message's embed shows an attached chart (it was sent as a photo), so that an edit keeps showing it. */
    static boolean showsChart(net.dv8tion.jda.api.entities.Message message) {
        return message != null && message.getEmbeds().stream().anyMatch(embed -> embed.getImage() != null);
    }

    private static MessageEmbed embed(String text, Reply.Tone tone, boolean chart) {
        var embed = new EmbedBuilder().setDescription(text.length() <= EMBED_LIMIT ? text : text.substring(0, EMBED_LIMIT - 1) + "…")
                .setColor(colour(tone));
        if (chart) {
            embed.setImage("attachment://" + CHART);
        }
        return embed.build();
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    static Color colour(Reply.Tone tone) {
        return switch (tone) {
            case BUY -> BUY;
            case SELL -> SELL;
            case NEUTRAL -> NEUTRAL;
        };
    }

    private static List<ActionRow> rows(List<List<Button>> buttons) {
        List<ActionRow> rows = new ArrayList<>();
        for (List<Button> row : buttons) {
            for (int i = 0; i < row.size() && rows.size() < 5; i += 5) {
                rows.add(ActionRow.of(row.subList(i, Math.min(row.size(), i + 5)).stream()
                        .map(button -> net.dv8tion.jda.api.components.buttons.Button.secondary(button.id(),
                                cut(button.label(), 80)))
                        .toList()));
            }
        }
        return rows;
    }
}
