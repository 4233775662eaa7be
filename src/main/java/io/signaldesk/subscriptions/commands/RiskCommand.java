package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.risk.LossStreak;
import io.signaldesk.risk.LossStreaks;
import io.signaldesk.risk.PauseLength;
import io.signaldesk.risk.RiskProperties;
import io.signaldesk.subscriptions.RiskViewSection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code /risk [rule value] [subscription]}: shows a subscription's four risk rules, or sets one:
 * {@code max_open_positions} 1–50, {@code max_consecutive_losses} 1–20, {@code daily_trade_limit} 1–100,
 * {@code cooldown} 0 to 7 days written {@code 45m}, {@code 2h} or {@code 1d}. Out-of-range or
 * malformed values are refused with the allowed range; nothing changes. It also shows the current
 * losses in a row and, when they reached the limit, until when new signals are paused. In a private chat it also shows
 * the writer's own sections ({@link RiskViewSection}: the portfolio risk) and hands {@code /risk <word> …} to the section
 * of that word (e.g. {@code /risk portfolio exposure 70}); in a group such a change is refused, nothing shown.
 */
@Component
class RiskCommand implements ChatCommand {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,5})([mhd])");
    private static final int MAX_COOLDOWN_MINUTES = 7 * 24 * 60;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** A rule: its column and its allowed range (minutes for the cooldown). */
    private enum Rule {
        MAX_OPEN_POSITIONS("max_open_positions", 1, 50),
        MAX_CONSECUTIVE_LOSSES("max_consecutive_losses", 1, 20),
        DAILY_TRADE_LIMIT("daily_trade_limit", 1, 100),
        COOLDOWN("cooldown_minutes", 0, MAX_COOLDOWN_MINUTES);

        final String column;
        final int min;
        final int max;

        Rule(String column, int min, int max) {
            this.column = column;
            this.min = min;
            this.max = max;
        }

        String typed() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Rule> parse(String word) {
            return Arrays.stream(values()).filter(rule -> rule.typed().equals(word.toLowerCase(Locale.ROOT))).findFirst();
        }
    }

    private final SubscriptionBook book;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final LossStreaks streaks;
    private final RiskProperties risk;
    private final Clock clock;
    private final ObjectProvider<RiskViewSection> sections;

    RiskCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts, LossStreaks streaks, RiskProperties risk,
                Clock clock, ObjectProvider<RiskViewSection> sections) {
        this.book = book;
        this.destinations = destinations;
        this.texts = texts;
        this.streaks = streaks;
        this.risk = risk;
        this.clock = clock;
        this.sections = sections;
    }

    @Override
    public String name() {
        return "risk";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        List<String> words = Arrays.stream(request.arguments().split("\\s+")).filter(word -> !word.isBlank()).toList();
        Optional<RiskViewSection> section = words.isEmpty() ? Optional.empty()
                : sections.orderedStream().filter(each -> each.word().equalsIgnoreCase(words.getFirst())).findFirst();
        if (section.isPresent()) {
            return Reply.text(request.conversation().group() ? texts.get(locale, "risk.section-private", section.get().word())
                    : section.get().change(request.user().id(), locale, words.subList(1, words.size())));
        }
        boolean numbered = (words.size() == 1 || words.size() == 3) && ChosenSubscription.isNumber(words.getLast());
        Optional<String> number = numbered ? Optional.of(words.getLast()) : Optional.empty();
        List<String> change = number.isPresent() ? words.subList(0, words.size() - 1) : words;
        if (!change.isEmpty() && change.size() != 2) {
            return Reply.text(texts.get(locale, "risk.usage"));
        }
        long destination = destinations.of(request.conversation()).id();
        return switch (ChosenSubscription.among(book.live(destination), number)) {
            case ChosenSubscription.NoneHere none -> Reply.text(withSections(request, texts.get(locale, "subscriptions.none")));
            case ChosenSubscription.SayWhich which -> Reply.text(texts.get(locale, "subscription.say-which", name()));
            case ChosenSubscription.NoSuch missing -> Reply.text(texts.get(locale, "subscription.no-such", missing.asked(), name()));
            case ChosenSubscription.Found found when change.isEmpty() -> Reply.text(withSections(request, show(locale, found.view())));
            case ChosenSubscription.Found found -> Reply.text(set(locale, destination, found.view(), change.get(0), change.get(1)));
        };
    }

    /** The shown rules, then (in a private chat only) each section the writer has. */
    private String withSections(CommandRequest request, String shown) {
        if (request.conversation().group()) {
            return shown;
        }
        StringBuilder text = new StringBuilder(shown);
        sections.orderedStream().forEach(each -> each.section(request.user().id(), request.locale()).ifPresent(s -> text.append("\n\n").append(s)));
        return text.toString();
    }

    private String set(Locale locale, long destination, SubscriptionView view, String ruleWord, String valueWord) {
        Optional<Rule> rule = Rule.parse(ruleWord);
        if (rule.isEmpty()) {
            return texts.get(locale, "risk.unknown-rule", shorten(ruleWord));
        }
        Optional<Integer> value = rule.get() == Rule.COOLDOWN ? minutes(valueWord)
                : valueWord.matches("\\d{1,4}") ? Optional.of(Integer.parseInt(valueWord)) : Optional.empty();
        if (value.isEmpty() || value.get() < rule.get().min || value.get() > rule.get().max) {
            return texts.get(locale, rule.get() == Rule.COOLDOWN ? "risk.invalid-cooldown" : "risk.invalid-count", shorten(valueWord),
                    rule.get().typed(), rule.get().min, rule.get().max);
        }
        book.setRiskRule(destination, view.id(), rule.get().column, value.get());
        SubscriptionView changed = book.live(destination).stream().filter(other -> other.id() == view.id()).findFirst().orElseThrow();
        return texts.get(locale, "risk.set", rule.get().typed()) + "\n" + show(locale, changed);
    }

    private String show(Locale locale, SubscriptionView view) {
        return texts.get(locale, "risk.show", view.number(), view.market(), view.maxOpenPositions(), view.maxConsecutiveLosses(),
                view.dailyTradeLimit(), view.cooldownMinutes(), streak(locale, view));
    }

    private String streak(Locale locale, SubscriptionView view) {
        Instant now = clock.instant();
        LossStreak streak = streaks.of(view.id(), now);
        return streak.pausedUntil(view.maxConsecutiveLosses(), risk.lossStreakPause())
                .filter(now::isBefore)
                .map(until -> texts.get(locale, "risk.streak-paused", streak.losses(), WHEN.format(until)))
                .orElseGet(() -> texts.get(locale, "risk.streak", streak.losses(), pause(locale)));
    }

    /** The loss-streak pause in the reader's language: "30 min" / "30 phút", "24 h" / "24 giờ". */
    private String pause(Locale locale) {
        PauseLength pause = PauseLength.of(risk.lossStreakPause());
        return texts.get(locale, pause.unit().textKey(), pause.amount());
    }

    private static Optional<Integer> minutes(String word) {
        Matcher matcher = DURATION.matcher(word.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        long minutes = switch (matcher.group(2)) {
            case "m" -> amount;
            case "h" -> amount * 60;
            default -> amount * 24 * 60;
        };
        return minutes > MAX_COOLDOWN_MINUTES ? Optional.of(MAX_COOLDOWN_MINUTES + 1) : Optional.of((int) minutes);
    }

    private static String shorten(String word) {
        return word.length() > 24 ? word.substring(0, 24) + "…" : word;
    }

}
