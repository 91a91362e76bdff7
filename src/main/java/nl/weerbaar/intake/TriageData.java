package nl.weerbaar.intake;

import java.util.Map;

/**
 * A coordinator's triage: the warning behaviours (those left out stay as they were, or unknown), the evidence for
 * them (sealed), the level of concern, and for an acute request what was done (sealed).
 */
public record TriageData(Map<WarningBehaviour, Answer> warningBehaviours, Map<WarningBehaviour, String> evidence,
		ConcernLevel concernLevel, String acuteActions) {
}
