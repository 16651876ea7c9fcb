package io.github.tiktokevents.kafka;

import io.github.tiktokevents.kafka.internal.FieldMapping;
import io.github.tiktokevents.kafka.internal.FieldPath;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators of the connector's settings; each error names the setting. */
final class SettingValidators {
    /** The {@code user} fields the mapping can fill. */
    static final Set<String> USER_NAMES = new TreeSet<>(List.of("email", "phone", "external_id", "ttclid", "ttp",
            "ip", "user_agent", "locale", "idfa", "idfv", "gaid", "att_status", "first_name", "last_name",
            "zip_code", "city", "state", "country", "lead_id"));

    private SettingValidators() {
    }

    static ConfigDef.Validator mapping(Set<String> allowed) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                try {
                    FieldMapping.parse(value == null ? List.of() : castList(value), allowed);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }

            @Override
            public String toString() {
                return allowed.isEmpty() ? "tiktok_name=record.path, ..." : "name=record.path with a name of "
                        + new TreeSet<>(allowed);
            }
        };
    }

    static ConfigDef.Validator fieldPath(boolean optional) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null || value.toString().isBlank()) {
                    if (!optional) {
                        throw new ConfigException(name, value, "a record field path is required");
                    }
                    return;
                }
                try {
                    FieldPath.of(value.toString());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }

            @Override
            public String toString() {
                return "a dotted record field path such as order.customer.email";
            }
        };
    }

    static ConfigDef.Validator httpUrl() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                String url = value == null ? "" : value.toString();
                if (!url.startsWith("https://") && !url.startsWith("http://")) {
                    // not ConfigException(name, value, ...), which quotes the value: a URL may carry credentials
                    throw new ConfigException(name + " must be an http:// or https:// URL (the value is not shown:"
                            + " a URL may carry credentials)");
                }
            }

            @Override
            public String toString() {
                return "an http:// or https:// URL";
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
