package io.github.tiktokevents.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A Kafka Connect sink that delivers records to the TikTok Events API through this SDK: each record becomes an
 * event by the {@code mapping.*} settings (personal data hashed by the SDK), events go in requests of up to 1,000
 * with the SDK's retries, and a record's offset is committed only once TikTok accepted its event or the record
 * was written to the dead-letter queue. Every event has a deterministic {@code event_id}, so events sent again
 * after a restart or rebalance are deduplicated by TikTok.
 *
 * <pre>{@code
 * {
 *   "connector.class": "io.github.tiktokevents.kafka.TikTokSinkConnector",
 *   "topics": "conversions",
 *   "tasks.max": "4",
 *   "tiktok.access.token": "${file:/etc/kafka/secrets.properties:tiktok.token}",
 *   "tiktok.event.source.id": "CE3VQJJC77U1234ABCD0",
 *   "errors.tolerance": "all",
 *   "errors.deadletterqueue.topic.name": "conversions-dlq"
 * }
 * }</pre>
 *
 * <p>Settings: {@link TikTokSinkConfig}. Each task is a {@link TikTokSinkTask}.
 */
public class TikTokSinkConnector extends SinkConnector {
    private Map<String, String> settings;

    /** Created by the Connect worker. */
    public TikTokSinkConnector() {
    }

    /**
     * Checks the settings and keeps them for the tasks.
     *
     * @param props the connector's settings
     * @throws ConfigException naming the first bad setting
     */
    @Override
    public void start(Map<String, String> props) {
        new TikTokSinkConfig(props);
        this.settings = Map.copyOf(props);
    }

    /** @return {@link TikTokSinkTask} */
    @Override
    public Class<? extends Task> taskClass() {
        return TikTokSinkTask.class;
    }

    /**
     * Gives every task the connector's settings; the worker spreads the topics' partitions among them.
     *
     * @param maxTasks {@code tasks.max}
     * @return one settings map per task
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            configs.add(settings);
        }
        return configs;
    }

    /** Nothing to release: the tasks own their clients. */
    @Override
    public void stop() {
    }

    /** @return the definition of every setting */
    @Override
    public ConfigDef config() {
        return TikTokSinkConfig.configDef();
    }

    /**
     * Checks each setting, then the settings that must fit together (the retry policy).
     *
     * @param connectorConfigs the settings to check
     * @return each setting with its errors
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        boolean eachValid = config.configValues().stream().allMatch(value -> value.errorMessages().isEmpty());
        if (eachValid) {
            try {
                new TikTokSinkConfig(connectorConfigs);
            } catch (ConfigException e) {
                config.configValues().stream()
                        .filter(value -> value.name().equals(TikTokSinkConfig.RETRY_MAX_DELAY_MS))
                        .findFirst()
                        .ifPresent(value -> value.addErrorMessage(e.getMessage()));
            }
        }
        return config;
    }

    /** @return this connector's version */
    @Override
    public String version() {
        return Version.get();
    }
}
