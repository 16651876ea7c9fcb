package io.github.tiktokevents.kafka.internal;

import io.github.tiktokevents.event.EventSource;
import java.util.Optional;

/**
 * Where each part of an event is found in a record value, as configured.
 *
 * @param source the event source of every event (web, app, offline, crm, or another)
 * @param eventName the path of the event name
 * @param fixedEventName the event name used when the record has none, if configured
 * @param time the path of the event time; the record's Kafka timestamp when absent
 * @param eventId the path of the event id; {@code topic-partition-offset} when absent or not configured
 * @param user {@code user} fields
 * @param properties {@code properties} fields (others than contents)
 * @param contents the path of the list of content items, if any
 * @param content {@code contents[]} item fields, read inside each item; empty: items use TikTok's names
 * @param page {@code page} fields ({@code url}, {@code referrer}, others as additional fields)
 * @param app {@code app} fields ({@code app_id}, {@code app_name}, {@code app_version})
 * @param lead {@code lead} fields ({@code lead_id}, {@code lead_event_source})
 */
public record MappingRules(
        EventSource source,
        FieldPath eventName,
        Optional<String> fixedEventName,
        Optional<FieldPath> time,
        Optional<FieldPath> eventId,
        FieldMapping user,
        FieldMapping properties,
        Optional<FieldPath> contents,
        FieldMapping content,
        FieldMapping page,
        FieldMapping app,
        FieldMapping lead) {
}
