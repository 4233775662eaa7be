package io.signaldesk.chat;

import java.util.Locale;

/** A text in every language SignalDesk speaks: English and Vietnamese. */
public record LocalizedText(String en, String vi) {

    public String in(Locale locale) {
        return "vi".equals(locale.getLanguage()) ? vi : en;
    }
}
