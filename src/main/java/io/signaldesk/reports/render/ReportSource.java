package io.signaldesk.reports.render;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.portfolio.PortfolioRisk;
import io.signaldesk.positions.OpenPositionMarks;
import io.signaldesk.reports.metrics.ChatMetrics;
import io.signaldesk.reports.metrics.FreshMetrics;
import io.signaldesk.reports.metrics.ReportMetrics;
import io.signaldesk.subscriptions.BotValidation;
import io.signaldesk.subscriptions.ChatSubscriptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gathers one chat's {@link ReportData} for a period when it is rendered: the stored metrics (brought up to within
 * {@link #FIGURES_AGE} of now first: {@link FreshMetrics}) of the period's days and
 * of the previous period ({@link ReportMetrics}; days are the same-dated days the metrics job stored), and the
 * validation line of every bot and market the chat follows. A private chat's report also shows its owner's money and
 * open positions; a group's never does (a member's money is not the group's business).
 */
@Component
public class ReportSource {

    /** How old the stored figures may be when a report is rendered ({@link FreshMetrics}). */
    static final Duration FIGURES_AGE = Duration.ofMinutes(5);

    private final ReportMetrics metrics;
    private final ChatSubscriptions subscriptions;
    private final ChatDestinations destinations;
    private final OpenPositionMarks positions;
    private final BotValidation validation;
    private final FreshMetrics fresh;
    private final PortfolioRisk risk;
    private final Clock clock;

    ReportSource(ReportMetrics metrics, ChatSubscriptions subscriptions, ChatDestinations destinations, OpenPositionMarks positions,
                 BotValidation validation, FreshMetrics fresh, PortfolioRisk risk, Clock clock) {
        this.fresh = fresh;
        this.risk = risk;
        this.clock = clock;
        this.metrics = metrics;
        this.subscriptions = subscriptions;
        this.destinations = destinations;
        this.positions = positions;
        this.validation = validation;
    }

    public ReportData read(long destinationId, ReportPeriod period) {
        return read(destinationId, owner(destinationId), period);
    }

    /** A report whose account part is that of {@code owner} (the writer of {@code /report} in a private chat), if any. */
    public ReportData read(long destinationId, Optional<Long> owner, ReportPeriod period) {
        fresh.atMost(FIGURES_AGE);
        ChatMetrics chat = metrics.forChat(destinationId, period.start(), period.last());
        ReportPeriod before = period.previous();
        ChatMetrics previous = metrics.forChat(destinationId, before.start(), before.last());
        List<ReportData.Validation> validations = subscriptions.followedBy(destinationId).stream()
                .map(followed -> new ReportData.Validation(followed.bot(), followed.exchange().displayName() + " " + followed.pair(),
                        validation.line(followed.bot(), followed.exchange(), followed.pair())))
                .toList();
        Optional<ReportData.UserPart> user = owner.map(userId -> new ReportData.UserPart(
                metrics.forUser(userId, period.start(), period.last()),
                positions.all().stream().filter(position -> position.userId() == userId)
                        .map(position -> position.pair() + " " + position.side()).toList(),
                risk.levelOf(userId, clock.instant().minus(Duration.ofDays(1)))));
        return new ReportData(period, chat, previous.total(), user, validations);
    }

    /** The user of a private chat (the one whose subscriptions deliver there); none for a group or channel. */
    private Optional<Long> owner(long destinationId) {
        boolean group = destinations.find(destinationId).map(ChatDestination::group).orElse(true);
        return group ? Optional.empty() : subscriptions.ownersDeliveringTo(destinationId).stream().findFirst();
    }
}
