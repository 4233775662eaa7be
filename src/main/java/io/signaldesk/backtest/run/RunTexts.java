package io.signaldesk.backtest.run;

import io.signaldesk.chat.LocalizedText;

/** What {@code /backtest} says, in English and Vietnamese. */
final class RunTexts {

    private RunTexts() {
    }

    static LocalizedText usage(int maxDays, int defaultDays) {
        return new LocalizedText("""
                Usage: /backtest <exchange> <pair> [timeframes] [days] [bot=…], e.g. /backtest binance BTC/USDT 1h,4h 180 bot=futures-signals. \
                Timeframes default to the bot's, days to %d (at most %d), the bot to the default one.""".formatted(defaultDays, maxDays),
                """
                Cách dùng: /backtest <sàn> <cặp> [khung thời gian] [số ngày] [bot=…], ví dụ /backtest binance BTC/USDT 1h,4h 180 bot=futures-signals. \
                Mặc định: khung thời gian của bot, %d ngày (tối đa %d), bot mặc định.""".formatted(defaultDays, maxDays));
    }

    static LocalizedText notStarted(String reason) {
        return new LocalizedText("Backtest not started: " + reason, "Chưa chạy kiểm thử: " + reason);
    }

    static LocalizedText days(String typed, int maxDays) {
        return new LocalizedText(
                "Backtest not started: %s days is not a span SignalDesk replays: give a whole number of days from 1 to %d, e.g. 180.".formatted(typed, maxDays),
                "Chưa chạy kiểm thử: %s ngày không hợp lệ: hãy nhập số ngày nguyên từ 1 đến %d, ví dụ 180.".formatted(typed, maxDays));
    }

    static LocalizedText baseTooShort(String base, long syncMinutes, String smallest) {
        return new LocalizedText(("Backtest not started: %s cannot be the smallest timeframe: candles are synced every %d min, so no subscription"
                + " runs on %s and its backtest would say nothing about its signals. Make %s or longer the smallest, e.g. %s,1h,4h.")
                .formatted(base, syncMinutes, base, smallest, smallest),
                ("Chưa chạy kiểm thử: %s không thể là khung thời gian nhỏ nhất: nến được đồng bộ mỗi %d phút nên không đăng ký nào chạy trên %s,"
                        + " và kiểm thử của nó không nói gì về tín hiệu. Hãy chọn %s trở lên làm khung nhỏ nhất, ví dụ %s,1h,4h.")
                        .formatted(base, syncMinutes, base, smallest, smallest));
    }

    /**
     * "730 days of 5m is 210,240 candles; at most 50,000: try 173 days or a 30m base"; a suggestion that does not
     * exist (no whole day fits, or no base) is left out.
     */
    static LocalizedText tooManyCandles(int days, String base, long candles, int max, long fittingDays, String fittingBase) {
        java.util.List<String> en = new java.util.ArrayList<>();
        java.util.List<String> vi = new java.util.ArrayList<>();
        if (fittingDays >= 1) {
            en.add("%d days".formatted(fittingDays));
            vi.add("%d ngày".formatted(fittingDays));
        }
        if (fittingBase != null) {
            en.add("a %s base".formatted(fittingBase));
            vi.add("khung nhỏ nhất %s".formatted(fittingBase));
        }
        return new LocalizedText("Backtest not started: %d days of %s is %s candles; at most %s%s.".formatted(days, base, grouped(candles, EN),
                grouped(max, EN), en.isEmpty() ? "" : ": try " + String.join(" or ", en)),
                "Chưa chạy kiểm thử: %d ngày nến %s là %s nến; tối đa %s%s.".formatted(days, base, grouped(candles, VI), grouped(max, VI),
                        vi.isEmpty() ? "" : ": hãy thử " + String.join(" hoặc ", vi)));
    }

    private static final java.util.Locale EN = java.util.Locale.US;
    private static final java.util.Locale VI = java.util.Locale.forLanguageTag("vi");

    private static String grouped(long number, java.util.Locale locale) {
        return String.format(locale, "%,d", number);
    }

    static LocalizedText tooManyWords() {
        return new LocalizedText("Backtest not started: more than one timeframe list, span or bot was given.",
                "Chưa chạy kiểm thử: có nhiều hơn một danh sách khung thời gian, số ngày hoặc bot.");
    }

    static LocalizedText unknownBot(String code, String known) {
        return new LocalizedText("Backtest not started: '%s' is not a bot here. Bots: %s.".formatted(code, known),
                "Chưa chạy kiểm thử: '%s' không phải là bot ở đây. Các bot: %s.".formatted(code, known));
    }

    static LocalizedText busy(long id) {
        return new LocalizedText(
                "Backtest not started: your backtest #%d is still queued or running, and each user has one at a time. Its result comes first; ask again then."
                        .formatted(id),
                "Chưa chạy kiểm thử: lần kiểm thử #%d của bạn vẫn đang chờ hoặc đang chạy, mỗi người chỉ chạy một lần một lúc. Hãy chờ kết quả rồi thử lại."
                        .formatted(id));
    }

    static LocalizedText queued(String title, int place) {
        return new LocalizedText("Backtest %s\nQueued: place %d in the queue (the workers are busy). This message shows its progress."
                .formatted(title, place),
                "Kiểm thử %s\nĐang chờ: vị trí %d trong hàng đợi (các worker đang bận). Tin nhắn này sẽ cập nhật tiến độ.".formatted(title, place));
    }

    static LocalizedText accepted(String title) {
        return new LocalizedText("Backtest %s\nStarting… This message shows its progress.".formatted(title),
                "Kiểm thử %s\nĐang bắt đầu… Tin nhắn này sẽ cập nhật tiến độ.".formatted(title));
    }

    static LocalizedText started(String title) {
        return new LocalizedText("Backtest %s\nRunning: preparing the history.".formatted(title),
                "Kiểm thử %s\nĐang chạy: chuẩn bị dữ liệu lịch sử.".formatted(title));
    }

    static LocalizedText fetching(String title, int page, int pages) {
        return new LocalizedText("Backtest %s\nFetching history: page %d of %d.".formatted(title, page, pages),
                "Kiểm thử %s\nĐang tải dữ liệu lịch sử: trang %d / %d.".formatted(title, page, pages));
    }

    static LocalizedText replaying(String title, int percent) {
        return new LocalizedText("Backtest %s\nReplaying: %d %%.".formatted(title, percent),
                "Kiểm thử %s\nĐang chạy lại: %d %%.".formatted(title, percent));
    }

    static LocalizedText done(String title) {
        return new LocalizedText("Backtest %s\nDone: the result is below.".formatted(title),
                "Kiểm thử %s\nXong: kết quả ở bên dưới.".formatted(title));
    }

    /** The result message did not go out: its caption (already in the run's language) stands in the progress message. */
    static LocalizedText resultNotSent(String title, String caption) {
        return new LocalizedText("Backtest %s\nDone, but the result message could not be sent (its chart is lost). Its figures:\n%s".formatted(title, caption),
                "Kiểm thử %s\nXong, nhưng không gửi được tin nhắn kết quả (mất biểu đồ). Các số liệu:\n%s".formatted(title, caption));
    }

    static LocalizedText expired(String title, long hours) {
        return new LocalizedText("Backtest %s\nNot run: no SignalDesk instance could take it within %d h. Send the command again to queue it anew."
                .formatted(title, hours),
                "Kiểm thử %s\nKhông chạy: không phiên bản SignalDesk nào nhận chạy trong %d giờ. Hãy gửi lại lệnh để xếp hàng lại.".formatted(title, hours));
    }

    static LocalizedText refused(String title, String reason) {
        return new LocalizedText("Backtest %s\nNot run: %s".formatted(title, reason), "Kiểm thử %s\nKhông chạy được: %s".formatted(title, reason));
    }

    static LocalizedText failed(String title, String reference) {
        return new LocalizedText("Backtest %s\nFailed (reference %s). Sorry: try again later.".formatted(title, reference),
                "Kiểm thử %s\nThất bại (mã %s). Xin lỗi: hãy thử lại sau.".formatted(title, reference));
    }

    static LocalizedText interrupted(String title) {
        return new LocalizedText("Backtest %s\nInterrupted: SignalDesk stopped or restarted while it ran. Send the command again to run it anew."
                .formatted(title),
                "Kiểm thử %s\nBị gián đoạn: SignalDesk đã dừng hoặc khởi động lại khi đang chạy. Hãy gửi lại lệnh để chạy lại.".formatted(title));
    }
}
