package io.signaldesk.database;

import io.signaldesk.StartupFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the data directory, held for as long as this instance uses it, so that a
 * second instance started on the same directory refuses instead of sharing (and corrupting) its
 * PostgreSQL. The lock file holds the owner's process id, named in the refusal.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "signaldesk.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StartupFailure(
                        "Another SignalDesk instance%s is already using the data directory %s."
                                .formatted(owner(file), directory),
                        "Stop the other instance, or give this one its own SIGNALDESK_DATA_DIR. Several instances "
                                + "share one database through SPRING_DATASOURCE_URL, never through one data directory.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupFailure("The data directory %s cannot be locked: %s".formatted(directory, e),
                    "Make SIGNALDESK_DATA_DIR a writable folder on a local disk.", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            return null;
        }
    }

    private static String owner(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "" : " (process " + pid + ")";
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the refusal or the original failure is what matters
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
