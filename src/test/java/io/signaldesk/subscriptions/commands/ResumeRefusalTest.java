package io.signaldesk.subscriptions.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A resume is refused for a delisted pair only when the listing asked again now still lacks it: the cached listing is
 * a day old at most, and a pair back from maintenance must resume at once; a listing that cannot be had refuses nothing.
 */
class ResumeRefusalTest {

    private static final Symbol LUNA = Symbol.parse("LUNA/USDT");

    private final MarketInputs markets = mock(MarketInputs.class);
    private final ChatTexts texts = mock(ChatTexts.class);
    private final SubscriptionLimits limits = mock(SubscriptionLimits.class);
    private final ResumeRefusal refusal = new ResumeRefusal(texts, markets, limits);

    @BeforeEach
    void setUp() {
        when(texts.get(any(), any(), any(Object[].class))).thenAnswer(call -> call.getArgument(1).toString());
        when(limits.refuseResume(any(), any())).thenReturn(Optional.empty());
        when(markets.listed(ExchangeId.BINANCE, LUNA)).thenReturn(Optional.of(false));
    }

    @Test
    void aSubscriptionTheValidationHoldsIsRefusedWhateverTheListingSays() {
        when(markets.listedNow(ExchangeId.BINANCE, LUNA)).thenReturn(Optional.of(true));
        SubscriptionView held = new SubscriptionView(1, 1, "bot", "binance", "LUNA/USDT", List.of(), List.of("1h"), "PAUSED", 3, 3, 10, 0,
                null, List.of("LUNA/USDT"), new io.signaldesk.chat.LocalizedText("⚠ not validated", "⚠ chưa đạt"));

        assertThat(refusal.of(Locale.ENGLISH, held)).contains("resume.validation");
        assertThat(refusal.of(Locale.ENGLISH, view())).isEmpty();
    }

    @Test
    void aPairMissingFromTheCachedListingButListedNowIsResumable() {
        when(markets.listedNow(ExchangeId.BINANCE, LUNA)).thenReturn(Optional.of(true));

        assertThat(refusal.of(Locale.ENGLISH, view())).isEmpty();
    }

    @Test
    void aListingThatCannotBeHadNowRefusesNothing() {
        when(markets.listedNow(ExchangeId.BINANCE, LUNA)).thenReturn(Optional.empty());

        assertThat(refusal.of(Locale.ENGLISH, view())).isEmpty();
    }

    @Test
    void aPairStillMissingWhenAskedAgainKeepsTheSubscriptionPaused() {
        when(markets.listedNow(ExchangeId.BINANCE, LUNA)).thenReturn(Optional.of(false));

        assertThat(refusal.of(Locale.ENGLISH, view())).contains("resume.delisted");
    }

    private static SubscriptionView view() {
        return new SubscriptionView(1, 1, "bot", "binance", "LUNA/USDT", List.of(), List.of("1h"), "PAUSED", 3, 3, 10, 0, null, List.of(), null);
    }
}
