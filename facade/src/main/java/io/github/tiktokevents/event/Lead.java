package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * The CRM lead an event is about; required for {@link EventSource#CRM} events. Immutable.
 *
 * <pre>{@code
 * Lead lead = Lead.of("7124365412316213", "HubSpot");
 * }</pre>
 */
public final class Lead {
    // package-private: EventJson reads the fields directly, without the Optional each accessor makes
    final String leadId;
    final String leadEventSource;

    private Lead(String leadId, String leadEventSource) {
        this.leadId = leadId;
        this.leadEventSource = leadEventSource;
    }

    /**
     * A lead by its TikTok lead id.
     *
     * @param leadId the TikTok lead id
     * @return the lead
     * @throws TikTokValidationException if the id is blank
     */
    public static Lead of(String leadId) {
        return of(leadId, null);
    }

    /**
     * A lead and the CRM it lives in.
     *
     * @param leadId the TikTok lead id
     * @param leadEventSource the CRM, such as {@code HubSpot} or {@code Salesforce}; may be null
     * @return the lead
     * @throws TikTokValidationException if the id is blank
     */
    public static Lead of(String leadId, String leadEventSource) {
        if (leadId == null || leadId.isBlank()) {
            throw new TikTokValidationException("lead.lead_id", "is blank");
        }
        return new Lead(leadId.trim(), leadEventSource);
    }

    /**
     * The TikTok lead id.
     *
     * @return the id
     */
    public String leadId() {
        return leadId;
    }

    /**
     * The CRM the lead lives in.
     *
     * @return the CRM name, if given
     */
    public Optional<String> leadEventSource() {
        return Optional.ofNullable(leadEventSource);
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object o) {
        return o instanceof Lead && leadId.equals(((Lead) o).leadId)
                && Objects.equals(leadEventSource, ((Lead) o).leadEventSource);
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return Objects.hash(leadId, leadEventSource);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "Lead{leadId=" + leadId + ", leadEventSource=" + leadEventSource + '}';
    }
}
