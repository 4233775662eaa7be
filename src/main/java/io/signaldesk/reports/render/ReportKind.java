package io.signaldesk.reports.render;

import io.signaldesk.chat.Reply;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.NotificationKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code REPORT} ({@code /notify reports}): a chat's daily or weekly report, rendered when it is sent from the metrics
 * stored by then, in the language of the chat's subscriber ({@link ReportReplies}).
 */
@Component
class ReportKind implements NotificationKind {

    static final String KIND = "REPORT";

    private final JsonMapper json;
    private final ReportSource source;
    private final ReportReplies replies;
    private final ReportLocale locale;

    ReportKind(JsonMapper json, ReportSource source, ReportReplies replies, ReportLocale locale) {
        this.json = json;
        this.source = source;
        this.replies = replies;
        this.locale = locale;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String eventType() {
        return EventTypes.REPORTS;
    }

    @Override
    public Reply render(Rendering rendering) {
        ReportPayload payload = json.readValue(rendering.payload(), ReportPayload.class);
        return replies.of(locale.of(payload.destinationId()), source.read(payload.destinationId(), payload.toPeriod()));
    }
}
