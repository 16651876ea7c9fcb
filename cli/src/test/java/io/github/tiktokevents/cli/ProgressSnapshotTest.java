package io.github.tiktokevents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressSnapshotTest {
    @Test
    void describesCountsRateShareAndEtaFromTheBytesRead() {
        ProgressSnapshot snapshot = new ProgressSnapshot(12_000, 11_880, 120, 40, 100, Duration.ofSeconds(10));
        assertThat(snapshot.rowsPerSecond()).isEqualTo(1_200.0);
        assertThat(snapshot.eta()).isEqualTo(Duration.ofSeconds(15));
        assertThat(snapshot.describe())
                .isEqualTo("read 12,000 rows, accepted 11,880, refused 120, 1,200 rows/s, 40% of the input, ETA 0:15");
    }

    @Test
    void standardInputHasNoShareAndNoEta() {
        ProgressSnapshot snapshot = new ProgressSnapshot(10, 10, 0, 500, -1, Duration.ofSeconds(5));
        assertThat(snapshot.eta()).isNull();
        assertThat(snapshot.describe()).isEqualTo("read 10 rows, accepted 10, refused 0, 2 rows/s");
        assertThat(ProgressSnapshot.clock(Duration.ofSeconds(3_725))).isEqualTo("1:02:05");
    }
}
