package io.signaldesk.ops.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where deleted rows are kept when {@code SIGNALDESK_ARCHIVE_DIR} is set: one gzip'd JSON-lines file per table and
 * run day, {@code <dir>/<table>-<yyyy-MM-dd>.jsonl.gz}, each batch appended as its own gzip member (any gzip reader
 * reads them as one stream). A batch is written and forced to disk before its delete commits.
 */
@Component
class RetentionArchive {

    private final Path dir;

    RetentionArchive(@Value("${signaldesk.jobs.archive-old-data.dir:}") String dir) {
        this.dir = dir == null || dir.isBlank() ? null : Path.of(dir.strip());
    }

    static RetentionArchive off() {
        return new RetentionArchive("");
    }

    boolean on() {
        return dir != null;
    }

    Path fileOf(String table, LocalDate day) {
        return dir.resolve(table + "-" + day + ".jsonl.gz");
    }

    void write(String table, LocalDate day, List<String> jsonRows) {
        if (jsonRows.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(fileOf(table, day), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
                 GZIPOutputStream out = new GZIPOutputStream(Channels.newOutputStream(channel))) {
                for (String row : jsonRows) {
                    out.write(row.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
                out.finish();
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not archive " + jsonRows.size() + " rows of " + table + " to " + dir
                    + " (SIGNALDESK_ARCHIVE_DIR); nothing was deleted", e);
        }
    }
}
