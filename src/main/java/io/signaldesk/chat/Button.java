package io.signaldesk.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A button under a reply. {@code id} is the short server-side id its meaning is stored under (Telegram
 * allows 64 bytes of callback data); a command gets one from {@link CommandRequest#button}.
 */
public record Button(String label, String id) {

    /** Buttons laid out {@code perRow} to a row. */
    public static List<List<Button>> rows(List<Button> buttons, int perRow) {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += perRow) {
            rows.add(List.copyOf(buttons.subList(i, Math.min(buttons.size(), i + perRow))));
        }
        return rows;
    }
}
