package io.signaldesk.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandStatus;
import io.signaldesk.chat.OptionValues;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The real catalog and market option values as the JSON JDA sends to Discord's command endpoint. */
@IntegrationTest
class DiscordCommandDataTest {

    @Autowired
    CommandCatalog catalog;
    @Autowired
    OptionValues values;

    @Test
    void everyAvailableCommandWithItsLocalizedDescriptionAndTypedOptions() {
        Map<String, DataObject> commands = DiscordCommandData.from(catalog, java.util.Optional.of(values)).stream().map(SlashCommandData::toData)
                .collect(Collectors.toMap(data -> data.getString("name"), data -> data));

        assertThat(commands.keySet()).containsExactlyInAnyOrderElementsOf(catalog.commands().stream()
                .filter(spec -> spec.status() == CommandStatus.AVAILABLE).map(spec -> spec.name()).toList());
        DataObject subscribe = commands.get("subscribe");
        assertThat(subscribe.getString("description")).isEqualTo("Subscribe to signals for a pair on an exchange (no arguments starts a wizard)");
        assertThat(subscribe.getObject("description_localizations").getString("vi")).startsWith("Đăng ký nhận tín hiệu");
        assertThat(subscribe.getString("default_member_permissions")).isEqualTo(Long.toString(Permission.MANAGE_SERVER.getRawValue()));
        DataArray options = subscribe.getArray("options");
        DataObject exchange = options.getObject(0);
        assertThat(exchange.getString("name")).isEqualTo("exchange");
        assertThat(exchange.getInt("type")).isEqualTo(3);
        assertThat(choices(exchange)).contains("binance", "bybit", "okx", "bitget", "htx", "kraken", "sim");
        assertThat(options.getObject(1).getBoolean("autocomplete")).as("pairs are suggested").isTrue();
        assertThat(options.getObject(2).getBoolean("autocomplete")).as("timeframe sets are suggested, any set may be typed").isTrue();
        assertThat(options.getObject(3).getString("name")).isEqualTo("bot");
        assertThat(choices(options.getObject(3))).as("the bot templates").containsSubsequence("futures-signals", "futures-signals-ai");

        DataArray analyze = commands.get("analyze").getArray("options");
        assertThat(analyze.getObject(0).getBoolean("required")).isTrue();
        assertThat(analyze.getObject(1).getBoolean("required")).isTrue();
        assertThat(commands.get("analyze").isNull("default_member_permissions")).as("everyone may analyse").isTrue();

        DataObject rule = commands.get("risk").getArray("options").getObject(0);
        assertThat(choices(rule)).containsExactly("max_open_positions", "max_consecutive_losses", "daily_trade_limit", "cooldown", "portfolio");
        assertThat(commands.get("unsubscribe").getArray("options").getObject(0).getInt("type")).as("integer").isEqualTo(4);
        assertThat(commands.values()).allSatisfy(command -> assertThat(command.getString("description").length()).isLessThanOrEqualTo(100));
    }

    private static List<String> choices(DataObject option) {
        DataArray choices = option.getArray("choices");
        return java.util.stream.IntStream.range(0, choices.length()).mapToObj(i -> choices.getObject(i).getString("value")).toList();
    }
}
