package nl.weerbaar.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What supporters, coordinators and clients send about a case. */
public final class CaseData {

	private CaseData() {
	}

	/** A contact with the client; {@code occurredAt} defaults to now, the note is sealed. */
	public record Contact(Instant occurredAt, ContactMode mode, Integer minutes, String note) {
	}

	/** An agreed action: what, who takes it on, by when. */
	public record Action(String what, ActionOwner who, LocalDate dueOn) {
	}

	/** The next follow-up date; null clears it. */
	public record FollowUp(LocalDate on) {
	}

	/** A coordinator moves the case to another supporter; the reason is required and sealed. */
	public record Transfer(UUID supporterId, String reason) {
	}

	public record Closure(ClosureReason reason, String summary) {
	}

	/** The client's evaluation: satisfaction 1–5, whether they would recommend the team, a comment (sealed). */
	public record Evaluation(Integer satisfaction, Boolean wouldRecommend, String comment) {
	}
}
