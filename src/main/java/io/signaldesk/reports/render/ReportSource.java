package io.signaldesk.reports.render;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.signals.TrackRecord;
import io.signaldesk.subscriptions.BotValidation;
import io.signaldesk.subscriptions.ChatSubscriptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gathers one chat's {@link ReportData} for a period when it is rendered: the period's and the previous period's
 * figures from the stored metrics ({@link PeriodFigures}), the track record to date of the chat's subscriptions, and
 * the validation line of every bot and market the chat follows. A private chat's report also shows its owner's account;
 * a group's never does (a member's money is not the group's business).
 */
@Component
public class ReportSource {

    private final PeriodFigures figures;
    private final ChatSubscriptions subscriptions;
    private final ChatDestinations destinations;
    private final TrackRecord trackRecord;
    private final BotValidation validation;

    ReportSource(PeriodFigures figures, ChatSubscriptions subscriptions, ChatDestinations destinations, TrackRecord trackRecord,
                 BotValidation validation) {
        this.figures = figures;
        this.subscriptions = subscriptions;
        this.destinations = destinations;
        this.trackRecord = trackRecord;
        this.validation = validation;
    }

    public ReportData read(long destinationId, ReportPeriod period) {
        Optional<Long> owner = owner(destinationId);
        PeriodFigures.Figures now = figures.of(destinationId, owner, period);
        PeriodFigures.Figures before = figures.of(destinationId, Optional.empty(), period.previous());
        TrackRecord.Summary summary = trackRecord.forSubscriptions(subscriptions.of(destinationId), Instant.EPOCH);
        ReportData.Record record = new ReportData.Record(summary.signals(), summary.open(), summary.wins(), summary.losses(),
                summary.expired(), summary.winRate(), summary.averageR());
        List<ReportData.Validation> validations = subscriptions.followedBy(destinationId).stream()
                .map(followed -> new ReportData.Validation(followed.bot(), followed.exchange().displayName() + " " + followed.pair(),
                        validation.line(followed.bot(), followed.exchange(), followed.pair())))
                .toList();
        return new ReportData(period, now.rows(), now.best(), now.worst(), ReportData.Totals.of(before.rows()), record, now.equity(),
                now.user(), validations, now.gaps());
    }

    /** The user of a private chat (the one whose subscriptions deliver there); none for a group or channel. */
    private Optional<Long> owner(long destinationId) {
        boolean group = destinations.find(destinationId).map(ChatDestination::group).orElse(true);
        return group ? Optional.empty() : subscriptions.ownersDeliveringTo(destinationId).stream().findFirst();
    }
}
