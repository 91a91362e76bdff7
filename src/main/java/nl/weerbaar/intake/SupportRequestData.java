package nl.weerbaar.intake;

import java.util.List;
import java.util.UUID;

import nl.weerbaar.registry.OfficeFunction;

/**
 * A request for support as a coordinator or a client gives it.
 *
 * @param subjectId the office holder or home-front member it is for; null while the person stays pseudonymous
 * @param pseudonym what to call a pseudonymous requester (sealed)
 * @param function the function concerned when there is no subject yet (otherwise it comes from the registry)
 * @param bodyCode the body concerned when there is no subject yet
 * @param onBehalf who asks on the person's behalf, if someone does
 * @param incidents one or more
 * @param sharedWithOfficeHolder for a home-front member: whether their office holder's account may see it (default
 *        no); whoever filed it sees it anyway
 */
public record SupportRequestData(UUID subjectId, String pseudonym, OfficeFunction function, String bodyCode,
		Channel channel, String summary, Wishes wishes, OnBehalf onBehalf, List<IncidentData> incidents,
		Boolean sharedWithOfficeHolder) {

	public SupportRequestData(UUID subjectId, String pseudonym, OfficeFunction function, String bodyCode, Channel channel,
			String summary, Wishes wishes, OnBehalf onBehalf, List<IncidentData> incidents) {
		this(subjectId, pseudonym, function, bodyCode, channel, summary, wishes, onBehalf, incidents, null);
	}
}
