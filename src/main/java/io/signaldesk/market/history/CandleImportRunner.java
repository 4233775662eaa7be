package io.signaldesk.market.history;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The candle import command's one piece of work, run once its context ({@link CandleImportContext}) is up:
 * reads {@code --exchange}, {@code --pair}, {@code --timeframe} and {@code --file}, imports
 * ({@link ImportCandles}), prints what it imported or why it refused, and gives the process's exit code:
 * 0 imported, 1 refused (nothing stored), 2 wrong arguments (with the usage).
 */
class CandleImportRunner implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = "usage: --import-candles --exchange=<" + String.join("|",
            Arrays.stream(ExchangeId.values()).map(ExchangeId::id).toList()) + "> --pair=BASE/QUOTE (e.g. BTC/USDT) --timeframe=<"
            + String.join("|", Arrays.stream(Timeframe.values()).map(Timeframe::code).toList()) + "> --file=<path to CSV>"
            + "; the CSV's header is open_time,open,high,low,close,volume (open_time in epoch ms, UTC)";

    private final ImportCandles importer;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode = 1;

    CandleImportRunner(ImportCandles importer) {
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Optional<ExchangeId> exchange = ExchangeId.parse(single(arguments, "exchange"));
        Optional<Timeframe> timeframe = Timeframe.parse(single(arguments, "timeframe"));
        String pairText = single(arguments, "pair");
        String file = single(arguments, "file");
        Symbol pair;
        try {
            pair = pairText == null ? null : Symbol.parse(pairText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            usage("--pair: " + e.getMessage());
            return;
        }
        if (exchange.isEmpty() || timeframe.isEmpty() || pair == null || file == null || file.isBlank()) {
            usage("missing or unknown: " + String.join(", ", Stream.of(exchange.isEmpty() ? "--exchange" : null,
                    pair == null ? "--pair" : null, timeframe.isEmpty() ? "--timeframe" : null,
                    file == null || file.isBlank() ? "--file" : null).filter(Objects::nonNull).toList()));
            return;
        }
        try {
            out.println(importer.importFile(exchange.get(), pair, timeframe.get(), Path.of(file.strip())).summary());
            exitCode = 0;
        } catch (ImportCandles.Refused e) {
            err.println("Import refused: " + e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private void usage(String problem) {
        err.println(problem);
        err.println(USAGE);
        exitCode = 2;
    }

    private static String single(ApplicationArguments arguments, String name) {
        List<String> values = arguments.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.getLast();
    }
}
