package io.github.tiktokevents.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A one-line description of the machine a report was measured on. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the OS line below still says what it was
        }
        long maxHeapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return String.format(Locale.ROOT, "%s, %d cores visible to the JVM, %s %s (%s), default max heap %,d MB",
                cpu, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), maxHeapMb);
    }
}
