package io.signaldesk.chat.discord;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A local Discord for the real JDA, the Discord counterpart of the Telegram tests' {@code StubBotApi}:
 * its REST API ({@link StubDiscordRest}: login, {@code /gateway/bot}, {@code /applications/@me}, command
 * registration, interaction callbacks and follow-ups, channel and DM messages with embeds, components
 * and attachments, {@code X-RateLimit-*} buckets, planned 429 / 403 / 5xx answers) and its gateway
 * ({@link StubDiscordGateway}: HELLO, IDENTIFY (counted), heartbeats and ACKs, READY, GUILD_CREATE of
 * one server ({@link #GUILD_ID}, owned by {@link #OWNER}, with one text channel
 * {@link StubDiscordRest#GUILD_CHANNEL}), RESUME, and the interactions a test injects). Point
 * {@code DISCORD_API_URL} at {@link #apiUrl()} and the gateway follows through {@code /gateway/bot}.
 *
 * <p>Payloads follow https://discord.com/developers/docs (v10): a test says what a user did
 * ({@link #slash}, {@link #press}) and reads what the bot answered ({@link StubDiscordRest#bodies}).
 */
final class StubDiscord implements AutoCloseable {

    static final String GUILD_ID = "120000000000000001";
    /** A role of the server with Manage Server: its members are admins in the dispatcher's eyes ({@link #admin}). */
    static final String ADMINS = "130000000000000001";
    /** The server's owner: every permission, so an admin in the dispatcher's eyes. */
    static final String OWNER = StubDiscordRest.OWNER_ID;
    private static final AtomicLong INTERACTIONS = new AtomicLong();
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private final java.util.Set<String> admins = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final StubDiscordRest rest;
    private final StubDiscordGateway gateway;

    StubDiscord(String token) {
        try {
            rest = new StubDiscordRest();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        gateway = new StubDiscordGateway(token, StubDiscord::ready);
        rest.gatewayUrl(gateway.url());
        rest.guildChannel(StubDiscordRest.GUILD_CHANNEL, GUILD_ID);
    }

    String apiUrl() {
        return rest.apiUrl();
    }

    StubDiscordRest rest() {
        return rest;
    }

    StubDiscordGateway gateway() {
        return gateway;
    }

    /** Gives a member the Admins role (Manage Server) in the interactions they make from now on. */
    String admin(String userId) {
        admins.add(userId);
        return userId;
    }

    /** A text channel of the server, known to JDA only when it is in the GUILD_CREATE: give ids the stub made. */
    static String channel(int n) {
        return String.valueOf(StubDiscordRest.CHANNELS + n);
    }

    /** Discord's READY and GUILD_CREATE after an IDENTIFY (the session id and resume url filled in by the gateway). */
    private static List<String> ready(int seq) {
        String ready = "READY\n{\"v\":10,\"user\":" + user(StubDiscordRest.BOT_ID, "signaldesk", true) + ",\"guilds\":[{\"id\":\"" + GUILD_ID
                + "\",\"unavailable\":true}],\"session_id\":\"${session}\",\"resume_gateway_url\":\"${resume}\",\"shard\":[0,1],"
                + "\"application\":{\"id\":\"" + StubDiscordRest.BOT_ID + "\",\"flags\":0},\"private_channels\":[],\"presences\":[],"
                + "\"relationships\":[],\"_trace\":[\"stub\"]}";
        String channels = java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(n -> "{\"id\":\"" + channel(n) + "\",\"type\":0,\"guild_id\":\""
                + GUILD_ID + "\",\"name\":\"signals-" + n + "\",\"position\":" + n + ",\"permission_overwrites\":[],\"nsfw\":false,"
                + "\"parent_id\":null,\"topic\":null,\"last_message_id\":null,\"rate_limit_per_user\":0,\"flags\":0}")
                .collect(Collectors.joining(","));
        String guild = "GUILD_CREATE\n{\"id\":\"" + GUILD_ID + "\",\"name\":\"Traders\",\"icon\":null,\"splash\":null,\"discovery_splash\":null,"
                + "\"owner_id\":\"" + OWNER + "\",\"afk_channel_id\":null,\"afk_timeout\":300,\"verification_level\":0,"
                + "\"default_message_notifications\":0,\"explicit_content_filter\":0,\"roles\":[{\"id\":\"" + GUILD_ID
                + "\",\"name\":\"@everyone\",\"color\":0,\"colors\":{\"primary_color\":0,\"secondary_color\":null,\"tertiary_color\":null},\"icon\":null,\"unicode_emoji\":null,\"hoist\":false,\"position\":0,\"permissions\":\"" + EVERYONE + "\",\"managed\":false,"
                + "\"mentionable\":false,\"flags\":0},{\"id\":\"" + ADMINS + "\",\"name\":\"Admins\",\"color\":0,\"colors\":{\"primary_color\":0},"
                + "\"hoist\":false,\"position\":1,\"permissions\":\"" + (1L << 5) + "\",\"managed\":false,\"mentionable\":false,\"flags\":0}],\"emojis\":[],\"stickers\":[],\"features\":[],\"mfa_level\":0,\"application_id\":null,"
                + "\"system_channel_id\":null,\"system_channel_flags\":0,\"rules_channel_id\":null,\"max_members\":500000,"
                + "\"vanity_url_code\":null,\"description\":null,\"banner\":null,\"premium_tier\":0,\"premium_subscription_count\":0,"
                + "\"preferred_locale\":\"en-US\",\"public_updates_channel_id\":null,\"nsfw_level\":0,\"premium_progress_bar_enabled\":false,"
                + "\"joined_at\":\"2026-11-01T00:00:00.000000+00:00\",\"large\":false,\"unavailable\":false,\"member_count\":2,"
                + "\"voice_states\":[],\"members\":[" + BOT_MEMBER + "],\"channels\":[" + channels
                + "],\"threads\":[],\"presences\":[],\"stage_instances\":[],\"guild_scheduled_events\":[],\"soundboard_sounds\":[]}";
        return List.of(ready, guild);
    }

    /** View channel, send messages, embed links, attach files, read history, use application commands. */
    private static final String EVERYONE = String.valueOf((1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16) | (1L << 31));

    private static final String BOT_MEMBER = "{\"user\":" + user(StubDiscordRest.BOT_ID, "signaldesk", true) + ",\"nick\":null,\"avatar\":null,"
            + "\"roles\":[],\"joined_at\":\"2026-11-01T00:00:00.000000+00:00\",\"deaf\":false,\"mute\":false,\"flags\":0,\"pending\":false}";

    private static String user(String id, String name, boolean bot) {
        return "{\"id\":\"" + id + "\",\"username\":\"" + name + "\",\"discriminator\":\"0\",\"global_name\":null,\"avatar\":null,"
                + "\"bot\":" + bot + ",\"public_flags\":0}";
    }

    private String member(String id, String name, boolean bot) {
        return "{\"user\":" + user(id, name, bot) + ",\"nick\":null,\"avatar\":null,\"roles\":[" + (admins.contains(id) ? "\"" + ADMINS + "\"" : "")
                + "],\"joined_at\":\"2026-11-01T00:00:00.000000+00:00\","
                + "\"deaf\":false,\"mute\":false,\"flags\":0,\"pending\":false,\"permissions\":\"" + ((1L << 41) - 1) + "\"}";
    }

    /**
     * A user runs a slash command: in the server's {@code channelId} (by {@code userId}; the owner is an
     * admin) or, with {@code channelId} null, in their DM with the bot. {@code options}: name to string value.
     * @return the interaction's token (its callback and follow-ups are under it)
     */
    String slash(String userId, String channelId, String locale, String name, Map<String, String> options) {
        String opts = options.entrySet().stream().map(option -> "{\"name\":\"" + option.getKey() + "\",\"type\":3,\"value\":\""
                + option.getValue() + "\"}").collect(Collectors.joining(",", "[", "]"));
        String data = "{\"id\":\"" + snowflake() + "\",\"name\":\"" + name + "\",\"type\":1,\"options\":" + opts + "}";
        return interaction(2, userId, channelId, locale, data, null);
    }

    /** A user presses a button ({@code customId}) under the bot's message {@code messageId} in a server channel, or their DM when null. */
    String press(String userId, String channelId, String locale, String messageId, String customId) {
        String data = "{\"custom_id\":\"" + customId + "\",\"component_type\":2}";
        String where = channelId == null ? rest.openDm(userId) : channelId;
        String message = "{\"id\":\"" + messageId + "\",\"channel_id\":\"" + where + "\",\"type\":0,\"content\":\"\",\"author\":"
                + user(StubDiscordRest.BOT_ID, "signaldesk", true) + ",\"timestamp\":\"2026-11-30T07:00:00.000000+00:00\","
                + "\"edited_timestamp\":null,\"tts\":false,\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],\"attachments\":[],"
                + "\"embeds\":[],\"pinned\":false,\"flags\":0,\"components\":[]}";
        return interaction(3, userId, channelId, locale, data, message);
    }

    private String interaction(int type, String userId, String channelId, String locale, String data, String message) {
        String id = snowflake();
        String token = "interaction-token-" + id;
        StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"application_id\":\"" + StubDiscordRest.BOT_ID + "\",\"type\":" + type
                + ",\"data\":" + data + ",\"token\":\"" + token + "\",\"version\":1,\"app_permissions\":\"" + EVERYONE + "\",\"locale\":\""
                + locale + "\",\"entitlements\":[],\"attachment_size_limit\":10485760");
        if (message != null) {
            json.append(",\"message\":").append(message);
        }
        if (channelId != null) {
            json.append(",\"guild_id\":\"").append(GUILD_ID).append("\",\"guild\":{\"id\":\"").append(GUILD_ID)
                    .append("\",\"locale\":\"en-US\",\"features\":[]},\"guild_locale\":\"en-US\",\"channel_id\":\"").append(channelId)
                    .append("\",\"channel\":{\"id\":\"").append(channelId).append("\",\"type\":0,\"guild_id\":\"").append(GUILD_ID)
                    .append("\",\"name\":\"signals\",\"position\":0,\"permission_overwrites\":[],\"nsfw\":false,\"parent_id\":null,\"permissions\":\"")
                    .append(EVERYONE).append("\"},\"member\":").append(member(userId, "trader" + userId.substring(userId.length() - 4), false))
                    .append(",\"context\":0,\"authorizing_integration_owners\":{\"0\":\"").append(GUILD_ID).append("\"}");
        } else {
            String dm = rest.openDm(userId);
            json.append(",\"channel_id\":\"").append(dm).append("\",\"channel\":{\"id\":\"").append(dm)
                    .append("\",\"type\":1,\"last_message_id\":null,\"flags\":0,\"recipients\":[").append(user(userId, "trader", false))
                    .append("]},\"user\":").append(user(userId, "trader" + userId.substring(userId.length() - 4), false))
                    .append(",\"context\":1,\"authorizing_integration_owners\":{\"1\":\"").append(userId).append("\"}");
        }
        json.append('}');
        gateway.dispatch("INTERACTION_CREATE", json.toString());
        return token;
    }

    /** A snowflake made now: JDA takes an interaction's age from its id (15 minutes to answer). */
    private static String snowflake() {
        return String.valueOf(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (INTERACTIONS.incrementAndGet() & 0xFFF));
    }

    @Override
    public void close() {
        gateway.close();
        rest.close();
    }
}
