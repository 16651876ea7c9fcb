package io.github.tiktokevents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    @TempDir
    Path dir;

    @Test
    void writesAtomicallyThroughATemporaryFileAndReadsBack() throws Exception {
        CheckpointStore store = new CheckpointStore(dir.resolve("orders.checkpoint.json"));
        assertThat(store.read()).isNull();
        Checkpoint first = new Checkpoint(Checkpoint.VERSION, "orders.csv", "abc", 10, 9, 1, 120, false);
        store.write(first);
        store.write(new Checkpoint(Checkpoint.VERSION, "orders.csv", "abc", 20, 18, 2, 240, false));

        assertThat(store.read().rowsSettled()).isEqualTo(20);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("orders.checkpoint.json"));
        }
    }

    @Test
    void anUnreadableCheckpointIsAUsageErrorNotASilentRestart() throws Exception {
        Path path = dir.resolve("orders.checkpoint.json");
        Files.writeString(path, "{\"version\":1,\"rowsSettled\":");
        assertThatThrownBy(() -> new CheckpointStore(path).read()).isInstanceOf(UsageException.class)
                .hasMessageContaining("--restart");
        Files.writeString(path, "{\"version\":99}");
        assertThatThrownBy(() -> new CheckpointStore(path).read()).isInstanceOf(UsageException.class);
    }
}
