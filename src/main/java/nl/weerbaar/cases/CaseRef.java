package nl.weerbaar.cases;

import java.util.UUID;

/** A case that the asker may work on, as other modules need it (the network's referrals): ids and state only. */
public record CaseRef(UUID id, UUID supportRequestId, String reference, CaseStatus status) {
}
