package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Why a paused subscription must stay paused, for {@code /resume} and the Resume button alike: its signals go to a
 * destination that refuses the bot (a Discord webhook chosen with /channel and since deleted), or one of its pairs is
 * no longer listed by its exchange (it was paused for that, and would only be paused again). Resuming it would promise
 * signals that cannot arrive; the answer says what to do instead. A resumed subscription's series are synced again,
 * so it must also fit the caps ({@link SubscriptionLimits}: base timeframe, the exchange's series budget).
 *
 * <p>A subscription the nightly validation paused (its bot failed the bar on one of its pairs,
 * SIGNALDESK_VALIDATION_ACTION=disable) is refused too, naming the validation and its figures, rather than resumed with
 * a warning: the operator chose that unvalidated bots send nothing, a resume would be undone by the next night's
 * validation, and a pass resumes it by itself (and says so). An operator who wants signals to flow with a mark says
 * SIGNALDESK_VALIDATION_ACTION=flag. Only holds on pairs the subscription still uses count: a pair removed since can never
 * be validated for it again.
 */
@Component
class ResumeRefusal {

    private final ChatTexts texts;
    private final MarketInputs markets;
    private final SubscriptionLimits limits;

    ResumeRefusal(ChatTexts texts, MarketInputs markets, SubscriptionLimits limits) {
        this.texts = texts;
        this.markets = markets;
        this.limits = limits;
    }

    Optional<String> of(Locale locale, SubscriptionView view) {
        List<String> held = view.validationHolds().stream()
                .filter(pair -> pair.equals(view.primaryPair()) || view.secondaryPairs().contains(pair)).toList();
        if (!held.isEmpty()) {
            String why = view.pauseReason() == null ? "" : " (" + view.pauseReason().in(locale) + ")";
            return Optional.of(texts.get(locale, "resume.validation", view.number(), view.market(), String.join(", ", held), why));
        }
        if (view.lostDelivery() != null) {
            return Optional.of(texts.get(locale, "resume.delivery-lost", view.number(), view.market(), view.lostDelivery()));
        }
        return delisted(view).map(pair -> texts.get(locale, "resume.delisted", view.number(), view.market(), pair,
                pair.equals(view.primaryPair()) ? texts.get(locale, "resume.delisted.primary", view.number())
                        : texts.get(locale, "resume.delisted.secondary", pair, view.number())))
                .or(() -> limits.refuseResume(locale, view));
    }

    /**
     * The first of the subscription's pairs its exchange is known not to list any more: missing from the cached listing
     * and still missing from the listing asked again now (the cache is refreshed daily, and a pair back from maintenance
     * must be resumable at once). A listing that cannot be loaded proves nothing, so it refuses nothing.
     */
    private Optional<String> delisted(SubscriptionView view) {
        Optional<ExchangeId> exchange = ExchangeId.parse(view.exchange());
        if (exchange.isEmpty()) {
            return Optional.empty();
        }
        return Stream.concat(Stream.of(view.primaryPair()), view.secondaryPairs().stream())
                .filter(pair -> markets.listed(exchange.get(), Symbol.parse(pair)).map(listed -> !listed).orElse(false))
                .filter(pair -> markets.listedNow(exchange.get(), Symbol.parse(pair)).map(listed -> !listed).orElse(false))
                .findFirst();
    }
}
