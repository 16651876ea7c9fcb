package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.internal.delivery.DeliveryLoggingListener;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(policy.initialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.multiplier()).isEqualTo(2.0);
        assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.jitter()).isEqualTo(0.5);
        assertThat(policy.maxElapsed()).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void builderRejectsNonsenseAndNamesTheSetting() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ZERO)).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> RetryPolicy.builder().maxDelay(Duration.ofSeconds(-1))).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(Double.NaN)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.builder().maxElapsed(null)).hasMessageContaining("maxElapsed");
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(Duration.ZERO)).hasMessageContaining("maxRetryAfter");
    }

    @Test
    void processorOptionsDefaultsAreTheDocumentedOnes() {
        ProcessorOptions options = ProcessorOptions.defaults();
        assertThat(options.maxBatchSize()).isEqualTo(1000);
        assertThat(options.maxDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.queueCapacity()).isEqualTo(10_000);
        assertThat(options.queueCapacityBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(options.queueFullPolicy()).isEqualTo(QueueFullPolicy.BLOCK_WITH_TIMEOUT);
        assertThat(options.enqueueTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(options.maxRequestsInFlight()).isEqualTo(4);
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.closeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.retryPolicy()).isSameAs(RetryPolicy.defaults());
        assertThat(options.listener()).isInstanceOf(DeliveryLoggingListener.class);
        assertThat(options.threadNamePrefix()).isEqualTo("tiktok-events-processor");
    }

    @Test
    void processorOptionsRejectNonsenseAndNameTheSetting() {
        assertThatThrownBy(() -> ProcessorOptions.builder().maxBatchSize(1001)).hasMessageContaining("maxBatchSize");
        assertThatThrownBy(() -> ProcessorOptions.builder().maxBatchSize(0)).hasMessageContaining("maxBatchSize");
        assertThatThrownBy(() -> ProcessorOptions.builder().queueCapacity(0)).hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> ProcessorOptions.builder().queueCapacityBytes(0)).hasMessageContaining("queueCapacityBytes");
        assertThatThrownBy(() -> ProcessorOptions.builder().maxRequestsInFlight(0)).hasMessageContaining("maxRequestsInFlight");
        assertThatThrownBy(() -> ProcessorOptions.builder().maxDelay(Duration.ZERO)).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> ProcessorOptions.builder().enqueueTimeout(Duration.ofMillis(-1))).hasMessageContaining("enqueueTimeout");
        assertThatThrownBy(() -> ProcessorOptions.builder().requestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> ProcessorOptions.builder().threadNamePrefix(" ")).hasMessageContaining("threadNamePrefix");
        assertThatThrownBy(() -> ProcessorOptions.builder().listener(null)).hasMessageContaining("listener");
    }
}
