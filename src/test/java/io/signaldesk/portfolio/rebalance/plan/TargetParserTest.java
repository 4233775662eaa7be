package io.signaldesk.portfolio.rebalance.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetParserTest {

    @Test
    void weightsSummingToOneHundredAreValidWithAssetsUpperCased() {
        var parsed = (ParsedTarget.Valid) TargetParser.parse("btc=40 Eth=20 SOL=10 usdt=30");

        assertThat(parsed.weights().percents()).containsExactly(
                java.util.Map.entry("BTC", new BigDecimal("40")), java.util.Map.entry("ETH", new BigDecimal("20")),
                java.util.Map.entry("SOL", new BigDecimal("10")), java.util.Map.entry("USDT", new BigDecimal("30")));
    }

    @Test
    void decimalsAreAcceptedAndTheSumMayMissOneHundredByAHundredth() {
        var parsed = (ParsedTarget.Valid) TargetParser.parse("BTC=33.34 ETH=33.33 SOL=33.32");

        assertThat(parsed.weights().percents().get("BTC")).isEqualByComparingTo("33.34");
        assertThat(parsed.weights().percents()).hasSize(3);
    }

    @Test
    void commasAndPercentSignsAreAccepted() {
        assertThat(TargetParser.parse("BTC=60%, USDT=40%")).isInstanceOf(ParsedTarget.Valid.class);
        assertThat(TargetParser.parse("BTC=60,USDT=40")).isInstanceOf(ParsedTarget.Valid.class);
    }

    @Test
    void longAssetNamesUpToTwentyCharactersAreAccepted() {
        var parsed = (ParsedTarget.Valid) TargetParser.parse("BROCCOLI714=10 ABCDEFGHIJKLMNOPQRST=10 USDT=80");

        assertThat(parsed.weights().percents()).containsOnlyKeys("BROCCOLI714", "ABCDEFGHIJKLMNOPQRST", "USDT");
    }

    @Test
    void trailingZerosBeyondTwoDecimalsAreStillTwoDecimals() {
        assertThat(TargetParser.parse("BTC=40.500 ETH=59.50")).isInstanceOf(ParsedTarget.Valid.class);
    }

    @Test
    void oneAssetAtOneHundredIsValid() {
        assertThat(TargetParser.parse("USDT=100")).isInstanceOf(ParsedTarget.Valid.class);
    }

    @Test
    void twentyAssetsAreAllowed() {
        assertThat(TargetParser.parse(assets(20))).isInstanceOf(ParsedTarget.Valid.class);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                | rebalance.target.empty     | ",
            "'   '                             | rebalance.target.empty     | ",
            "BTC40 ETH=60                      | rebalance.target.malformed | BTC40",
            "BTC=40=1 ETH=60                   | rebalance.target.malformed | BTC=40=1",
            "B=40 ETH=60                       | rebalance.target.asset     | B",
            "BTC-X=40 ETH=60                   | rebalance.target.asset     | BTC-X",
            "ABCDEFGHIJKLMNOPQRSTU=40 ETH=60   | rebalance.target.asset     | ABCDEFGHIJKLMNOPQRSTU",
            "BTC=40.005 ETH=59.995             | rebalance.target.decimals  | BTC;40.005;2",
            "BTC=33.333 ETH=33.333 SOL=33.339  | rebalance.target.decimals  | BTC;33.333;2",
            "BTC=40,5 ETH=59,5                 | rebalance.target.decimal-comma | BTC;40,5;40.5",
            "btc=40 eth=59,5 USDT=0,5          | rebalance.target.decimal-comma | ETH;59,5;59.5",
            "=40 ETH=60                        | rebalance.target.asset     | ''",
            "BTC=forty ETH=60                  | rebalance.target.number    | BTC;forty",
            "BTC= ETH=100                      | rebalance.target.number    | BTC;",
            "BTC=-10 ETH=110                   | rebalance.target.range     | BTC;-10",
            "BTC=0 ETH=100                     | rebalance.target.range     | BTC;0",
            "BTC=100.5 ETH=-0.5                | rebalance.target.range     | BTC;100.5",
            "BTC=40 btc=10 ETH=50              | rebalance.target.duplicate | BTC",
            "BTC=40 ETH=20 SOL=10 USDT=20      | rebalance.target.sum       | 90",
            "BTC=33.33 ETH=33.33 SOL=33.32     | rebalance.target.sum       | 99.98",
            "BTC=50 ETH=50.02                  | rebalance.target.sum       | 100.02",
    })
    void eachProblemIsNamedWithWhatWasWrong(String text, String key, String args) {
        var parsed = TargetParser.parse(text);

        assertThat(parsed).isInstanceOf(ParsedTarget.Invalid.class);
        var invalid = (ParsedTarget.Invalid) parsed;
        assertThat(invalid.problemKey()).isEqualTo(key);
        List<Object> expected = args == null ? List.of() : List.of((Object[]) args.split(";", -1));
        assertThat(invalid.args()).isEqualTo(expected);
    }

    @Test
    void moreThanTwentyAssetsAreRefused() {
        var invalid = (ParsedTarget.Invalid) TargetParser.parse(assets(21));

        assertThat(invalid.problemKey()).isEqualTo("rebalance.target.too-many");
        assertThat(invalid.args()).containsExactly("21", "20");
    }

    @Test
    void everyProblemReadsInEnglishAndVietnameseWithTheExample() throws Exception {
        Properties english = bundle("i18n/portfolio.properties");
        Properties vietnamese = bundle("i18n/portfolio_vi.properties");
        for (String key : List.of("empty", "too-many", "malformed", "asset", "number", "range", "duplicate", "sum", "decimals")) {
            for (Properties texts : List.of(english, vietnamese)) {
                String pattern = texts.getProperty("rebalance.target." + key);
                assertThat(pattern).as(key).isNotNull();
                String text = new MessageFormat(pattern, Locale.ROOT).format(new Object[] {"BTC", "x", "2"});
                assertThat(text).as(key).contains("/rebalance target BTC=40 ETH=20 SOL=10 USDT=30").doesNotContain("{");
            }
        }
        assertThat(new MessageFormat(english.getProperty("rebalance.target.malformed")).format(new Object[] {"BTC40"}))
                .startsWith("'BTC40' is not ASSET=PERCENT");
        for (Properties texts : List.of(english, vietnamese)) {
            assertThat(new MessageFormat(texts.getProperty("rebalance.target.decimal-comma"), Locale.ROOT).format(new Object[] {"BTC", "40,5", "40.5"}))
                    .contains("BTC=40.5").contains("BTC=40,5").contains("/rebalance target BTC=40.5 ETH=59.5");
        }
    }

    private static Properties bundle(String path) throws Exception {
        Properties properties = new Properties();
        try (var in = TargetParserTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String assets(int count) {
        // count assets A00.. each 100/count, the last taking the rest
        StringBuilder text = new StringBuilder();
        BigDecimal each = new BigDecimal("100").divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.DOWN);
        BigDecimal rest = new BigDecimal("100");
        for (int i = 0; i < count; i++) {
            BigDecimal weight = i == count - 1 ? rest : each;
            rest = rest.subtract(each);
            text.append(" A").append(i < 10 ? "0" : "").append(i).append('=').append(weight.toPlainString());
        }
        return text.toString();
    }
}
