package io.signaldesk.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.Reply;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

/** Each Reply type as the JDA message data Discord gets. */
class DiscordRenderingTest {

    @Test
    void aTextIsAnEmbedWithItsButtonsAsActionRows() {
        List<Button> seven = IntStream.rangeClosed(1, 7).mapToObj(i -> new Button("B" + i, "id" + i)).toList();
        MessageCreateData data = DiscordRendering.create(new Reply.Text("Hello <b>", List.of(seven, List.of(new Button("x".repeat(90), "long")))));

        MessageEmbed embed = data.getEmbeds().getFirst();
        assertThat(embed.getDescription()).isEqualTo("Hello <b>");
        assertThat(embed.getColor()).isEqualTo(DiscordRendering.NEUTRAL);
        List<ActionRow> rows = data.getComponents().stream().map(ActionRow.class::cast).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getButtons()).hasSize(5).extracting(button -> button.getCustomId()).startsWith("id1");
        assertThat(rows.get(1).getButtons()).extracting(button -> button.getLabel()).containsExactly("B6", "B7");
        assertThat(rows.get(2).getButtons().getFirst().getLabel()).hasSize(80).endsWith("…");
        assertThat(data.getFiles()).isEmpty();
    }

    @Test
    void aSignalPhotoIsAnAttachmentShownInAnEmbedColouredBySide() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        MessageCreateData sell = DiscordRendering.create(new Reply.Photo(png, "Signal: SELL", List.of(List.of(new Button("I took it", "t"))),
                Reply.Tone.SELL));
        MessageCreateData buy = DiscordRendering.create(new Reply.Text("Signal: BUY", List.of(), Reply.Tone.BUY));

        assertThat(sell.getFiles()).singleElement().satisfies(file -> assertThat(file.getName()).isEqualTo("chart.png"));
        assertThat(sell.getEmbeds().getFirst().getImage().getUrl()).isEqualTo("attachment://chart.png");
        assertThat(sell.getEmbeds().getFirst().getColor()).isEqualTo(DiscordRendering.SELL);
        assertThat(buy.getEmbeds().getFirst().getColor()).isEqualTo(DiscordRendering.BUY);
    }

    @Test
    void anEditReplacesTheEmbedAndRemovesButtonsItDoesNotKeep() {
        MessageEditData edit = DiscordRendering.edit(new Reply.Edit("Paused #1", List.of()));
        String long5000 = "y".repeat(5_000);

        assertThat(edit.getEmbeds().getFirst().getDescription()).isEqualTo("Paused #1");
        assertThat(edit.getComponents()).isEmpty();
        assertThat(DiscordRendering.create(new Reply.Text(long5000)).getEmbeds().getFirst().getDescription()).hasSize(4096).endsWith("…");
    }

    @Test
    void anEditOfAPhotoKeepsShowingItsChartAndAnEditOfATextShowsNone() {
        var buttons = List.of(List.of(new io.signaldesk.chat.Button("History", "h-1")));
        MessageEditData photo = DiscordRendering.edit(new Reply.Edit("Approved", buttons), true);
        MessageEditData text = DiscordRendering.edit(new Reply.Edit("Approved", buttons), false);

        assertThat(photo.getEmbeds().getFirst().getImage().getUrl()).isEqualTo("attachment://chart.png");
        assertThat(photo.getEmbeds().getFirst().getDescription()).isEqualTo("Approved");
        assertThat(photo.getComponents()).hasSize(1);
        assertThat(text.getEmbeds().getFirst().getImage()).isNull();
    }
}
