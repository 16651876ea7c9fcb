package io.github.tiktokevents.kafka.internal;

import io.github.tiktokevents.event.AttStatus;
import io.github.tiktokevents.event.User;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code user} fields a record can fill, by TikTok name. Personal data (email, phone, external id, names, zip)
 * goes through the SDK's setters, which normalise and SHA-256 hash raw values and pass 64-hex digests through.
 * Email, phone and external id take one value or a list.
 */
final class UserFields {
    static final Map<String, Setter<User.Builder>> SETTERS = setters();

    private UserFields() {
    }

    private static Map<String, Setter<User.Builder>> setters() {
        Map<String, Setter<User.Builder>> setters = new LinkedHashMap<>();
        setters.put("email", (b, v, f) -> Values.many(v).forEach(one -> b.email(Values.text(one, f))));
        setters.put("phone", (b, v, f) -> Values.many(v).forEach(one -> b.phone(Values.text(one, f))));
        setters.put("external_id", (b, v, f) -> Values.many(v).forEach(one -> b.externalId(Values.text(one, f))));
        setters.put("ttclid", (b, v, f) -> b.ttclid(Values.text(v, f)));
        setters.put("ttp", (b, v, f) -> b.ttp(Values.text(v, f)));
        setters.put("ip", (b, v, f) -> b.ip(Values.text(v, f)));
        setters.put("user_agent", (b, v, f) -> b.userAgent(Values.text(v, f)));
        setters.put("locale", (b, v, f) -> b.locale(Values.text(v, f)));
        setters.put("idfa", (b, v, f) -> b.idfa(Values.text(v, f)));
        setters.put("idfv", (b, v, f) -> b.idfv(Values.text(v, f)));
        setters.put("gaid", (b, v, f) -> b.gaid(Values.text(v, f)));
        setters.put("att_status", (b, v, f) -> b.attStatus(AttStatus.of(Values.text(v, f))));
        setters.put("first_name", (b, v, f) -> b.firstName(Values.text(v, f)));
        setters.put("last_name", (b, v, f) -> b.lastName(Values.text(v, f)));
        setters.put("zip_code", (b, v, f) -> b.zipCode(Values.text(v, f)));
        setters.put("city", (b, v, f) -> b.city(Values.text(v, f)));
        setters.put("state", (b, v, f) -> b.state(Values.text(v, f)));
        setters.put("country", (b, v, f) -> b.country(Values.text(v, f)));
        setters.put("lead_id", (b, v, f) -> b.leadId(Values.text(v, f)));
        return Map.copyOf(setters);
    }
}
