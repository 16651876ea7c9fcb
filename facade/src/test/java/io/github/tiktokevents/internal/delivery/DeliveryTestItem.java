package io.github.tiktokevents.internal.delivery;

/** A stand-in for an event: an id, an estimated size, and whether TikTok would refuse it as invalid. */
final class DeliveryTestItem {
    final String id;
    final long bytes;
    final boolean bad;

    DeliveryTestItem(String id, long bytes, boolean bad) {
        this.id = id;
        this.bytes = bytes;
        this.bad = bad;
    }

    static DeliveryTestItem good(String id) {
        return new DeliveryTestItem(id, 100, false);
    }

    static DeliveryTestItem bad(String id) {
        return new DeliveryTestItem(id, 100, true);
    }

    String id() {
        return id;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return id;
    }
}
