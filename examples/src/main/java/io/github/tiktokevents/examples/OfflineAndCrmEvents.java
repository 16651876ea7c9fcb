package io.github.tiktokevents.examples;

import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Lead;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.TikTokException;
import java.time.Instant;
import java.util.List;

/**
 * An in-store purchase (an offline event) and a CRM lead update, each sent under its own event set. On real TikTok
 * they need {@code TIKTOK_OFFLINE_EVENT_SET_ID} and {@code TIKTOK_CRM_EVENT_SET_ID}.
 *
 * <pre>
 * mvn -q -Pexample compile -Dexample=OfflineAndCrmEvents
 * </pre>
 */
public final class OfflineAndCrmEvents {
    private OfflineAndCrmEvents() {
    }

    /**
     * Runs the example and exits with its status: 0 both accepted, 1 any refused, 2 not configured.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Example.run(OfflineAndCrmEvents::send, System::getenv, System.out, System.err));
    }

    static int send(ExampleTarget target, Report report) {
        List<String> missing = target.missingSettings(EventSource.OFFLINE, EventSource.CRM);
        if (!missing.isEmpty()) {
            return report.notConfigured("set " + String.join(" and ", missing)
                    + " (TikTok Events Manager > Data Sources > your offline / CRM event set: its ID); nothing was sent");
        }
        Instant now = Instant.now();
        int status = Report.OK;
        for (Event event : List.of(offlinePurchase(now), crmLead(now))) {
            report.sentEvent(event);
            try {
                SendResult result = target.client().send(event);
                report.result(result);
            } catch (TikTokException e) {
                status = Math.max(status, report.failure(e));
            }
        }
        report.recordedBodies(target);
        return status;
    }

    /**
     * A purchase at a till: offline events take standard names only, and identify the buyer by email or phone.
     *
     * @param at when it happened
     * @return the event
     */
    static Event offlinePurchase(Instant at) {
        return Event.builder(EventNames.PURCHASE)
                .source(EventSource.OFFLINE)
                .eventId("store-42-receipt-1001")
                .timestamp(at)
                .user(User.builder().email("test@test.com").phone("+5541998862934").build())
                .properties(Properties.builder()
                        .currency("BRL").value(59.80)
                        .orderId("receipt-1001").shopId("store-42")
                        .addContent(Content.builder().contentType(ContentType.PRODUCT).contentId("sku-7")
                                .price(29.90).quantity(2).build())
                        .build())
                .build();
    }

    /**
     * A lead that moved on in the CRM: CRM events name the TikTok lead they are about.
     *
     * @param at when it happened
     * @return the event
     */
    static Event crmLead(Instant at) {
        return Event.builder("LeadQualified")
                .source(EventSource.CRM)
                .eventId("lead-7181537674010017795-qualified")
                .timestamp(at)
                .lead(Lead.of("7181537674010017795", "HubSpot"))
                .user(User.builder().email("test@test.com").build())
                .build();
    }
}
